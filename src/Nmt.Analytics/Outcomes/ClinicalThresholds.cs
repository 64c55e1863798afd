namespace Nmt.Analytics.Outcomes;

/// <summary>
/// A small catalogue of published thresholds for the 0–10 numeric pain rating scale (NPRS).
/// Values are quoted from the cited papers; see <c>docs/outcomes.md</c> for the derivation methods.
/// </summary>
public static class ClinicalThresholds
{
    private const string Nprs = "NPRS 0-10 (11-point numeric rating scale)";

    /// <summary>
    /// Farrar et al. 2001: a reduction of about 2 points on the 0–10 scale was the best cut-off for
    /// "much improved" or better on the patient global impression of change (PGIC).
    /// </summary>
    public static ClinicalThreshold FarrarPoints { get; } = new(
        "nprs_mcid_points", 2, "points", ImprovementDirection.Decrease,
        "Farrar JT, Young JP, LaMoreaux L, Werth JL, Poole RM. Clinical importance of changes in chronic pain intensity " +
        "measured on an 11-point numerical pain rating scale. Pain 2001;94(2):149-158",
        "2724 subjects with chronic pain in 10 placebo-controlled trials of pregabalin (diabetic neuropathy, " +
        "postherpetic neuralgia, chronic low back pain, fibromyalgia, osteoarthritis); anchor PGIC much/very much improved", Nprs);

    /// <summary>Farrar et al. 2001: a reduction of about 30 % from baseline matched "much improved" on the PGIC.</summary>
    public static ClinicalThreshold FarrarPercent { get; } = FarrarPoints with { Name = "nprs_mcid_percent", Value = 30, Unit = "percent" };

    /// <summary>Childs et al. 2005: MCID of 2 points for the NPRS in low back pain (value not re-checked against the paper; see docs).</summary>
    public static ClinicalThreshold ChildsLowBackPain { get; } = new(
        "nprs_mcid_points_lbp", 2, "points", ImprovementDirection.Decrease,
        "Childs JD, Piva SR, Fritz JM. Responsiveness of the numeric pain rating scale in patients with low back pain. " +
        "Spine 2005;30(11):1331-1334",
        "low back pain (physical therapy patients)", Nprs);

    /// <summary>Childs et al. 2005: minimal detectable change (MDC) of 2 points for the NPRS in low back pain.</summary>
    public static ClinicalThreshold ChildsLowBackPainMdc { get; } = ChildsLowBackPain with { Name = "nprs_mdc_points_lbp" };

    /// <summary>Salaffi et al. 2004: a reduction of 1 point (or 15 %) was the MCID anchored on PGIC "slightly better"; 2 points (33 %) matched "much better".</summary>
    public static ClinicalThreshold SalaffiMinimalPoints { get; } = new(
        "nprs_mcid_minimal_points", 1, "points", ImprovementDirection.Decrease,
        "Salaffi F, Stancati A, Silvestri CA, Ciapetti A, Grassi W. Minimal clinically important changes in chronic " +
        "musculoskeletal pain intensity measured on a numerical rating scale. Eur J Pain 2004;8(4):283-291",
        "825 patients with chronic musculoskeletal pain (osteoarthritis of knee, hip or hand; rheumatoid arthritis; ankylosing spondylitis), 3-month follow-up", Nprs);

    /// <summary>Salaffi et al. 2004: minimal ("slightly better") improvement of 15 %.</summary>
    public static ClinicalThreshold SalaffiMinimalPercent { get; } = SalaffiMinimalPoints with
    {
        Name = "nprs_mcid_minimal_percent",
        Value = 15,
        Unit = "percent",
    };

    /// <summary>Salaffi et al. 2004: "much better" cut-off of 2 points.</summary>
    public static ClinicalThreshold SalaffiMuchBetterPoints { get; } = SalaffiMinimalPoints with
    {
        Name = "nprs_much_better_points",
        Value = 2,
    };

    /// <summary>Salaffi et al. 2004: "much better" cut-off of 33 % improvement.</summary>
    public static ClinicalThreshold SalaffiMuchBetterPercent { get; } = SalaffiMinimalPoints with
    {
        Name = "nprs_much_better_percent",
        Value = 33,
        Unit = "percent",
    };

    /// <summary>
    /// Childs et al. 2005: standard error of measurement (SEM) of 1.02 NPRS points in low back pain, the denominator of the
    /// Jacobson–Truax reliable change index (value from the paper as quoted in docs/clinical-significance.md; verify before citing).
    /// </summary>
    public static ClinicalThreshold ChildsSem { get; } = ChildsLowBackPain with { Name = "nprs_sem_lbp", Value = 1.02 };

    /// <summary>
    /// Jacobson &amp; Truax 1991: a change is reliable when |RCI| = |change| / (√2·SEM) ≥ 1.96, the two-sided 5 % point of N(0, 1).
    /// </summary>
    public static ClinicalThreshold JacobsonTruaxCritical { get; } = new(
        "rci_critical", 1.96, "z", ImprovementDirection.Decrease,
        "Jacobson NS, Truax P. Clinical significance: a statistical approach to defining meaningful change in psychotherapy research. " +
        "J Consult Clin Psychol 1991;59(1):12-19",
        "any (a property of the measurement error model, not of a population)", Nprs);

    /// <summary>
    /// Serlin et al. 1995: worst pain of 1–4 on the 0–10 scale is "mild" (interference with function rises sharply from 5);
    /// used as the cut-off for "recovered" (final pain in the mild range).
    /// </summary>
    public static ClinicalThreshold SerlinMildPain { get; } = new(
        "recovery_cutoff", 4, "points", ImprovementDirection.Decrease,
        "Serlin RC, Mendoza TR, Nakamura Y, Edwards KR, Cleeland CS. When is cancer pain mild, moderate or severe? " +
        "Grading pain severity by its interference with function. Pain 1995;61(2):277-284",
        "patients with cancer pain in four countries; mild = worst pain 1-4", Nprs);

    /// <summary>Every threshold in the catalogue.</summary>
    public static IReadOnlyList<ClinicalThreshold> All { get; } =
    [
        FarrarPoints, FarrarPercent, SalaffiMinimalPoints, SalaffiMinimalPercent, SalaffiMuchBetterPoints, SalaffiMuchBetterPercent,
        ChildsLowBackPain, ChildsLowBackPainMdc, ChildsSem, JacobsonTruaxCritical, SerlinMildPain,
    ];
}
