namespace Nmt.Analytics.Outcomes;

/// <summary>
/// Thresholds of the clinical-significance classification, each a <see cref="ClinicalThreshold"/> with its source.
/// Defaults: SEM 1.02 points (Childs et al. 2005), critical |RCI| 1.96 (Jacobson &amp; Truax 1991), MCID ≥ 2 points and
/// ≥ 30 % (Farrar et al. 2001), recovered = final pain ≤ 4, the top of the mild range (Serlin et al. 1995).
/// </summary>
/// <param name="Sem">Standard error of measurement of one NPRS reading (points).</param>
/// <param name="Critical">Critical |RCI| (two-sided 5 %: 1.96).</param>
/// <param name="Mcid">The responder rule (points and percent).</param>
/// <param name="RecoveryCutoff">Final pain at or below which a reliably improved client counts as recovered.</param>
/// <param name="MinClients">Smallest count that may be published (cells of 1 to MinClients − 1 clients are suppressed).</param>
/// <param name="Confidence">Confidence level of the Wilson intervals.</param>
public sealed record ClinicalOptions(
    ClinicalThreshold Sem,
    ClinicalThreshold Critical,
    ResponderCriteria Mcid,
    ClinicalThreshold RecoveryCutoff,
    int MinClients = 11,
    double Confidence = 0.95)
{
    /// <summary>The published defaults.</summary>
    public static ClinicalOptions Default { get; } = new(
        ClinicalThresholds.ChildsSem, ClinicalThresholds.JacobsonTruaxCritical, ResponderCriteria.Default, ClinicalThresholds.SerlinMildPain);

    /// <summary>The defaults with any user-set value replacing its published counterpart (the source then says "user-set").</summary>
    /// <exception cref="NmtInputException">A value out of range.</exception>
    public static ClinicalOptions With(double? sem = null, double? mcidPoints = null, double? mcidPercent = null, double? cutoff = null, int minClients = 11)
    {
        Check(sem is null or > 0, "--sem must be a positive number of NPRS points, e.g. --sem 1.02.");
        Check(mcidPoints is null or > 0 and <= 10, "--mcid must be between 0 and 10 NPRS points, e.g. --mcid 2.");
        Check(mcidPercent is null or > 0 and <= 100, "--mcid-pct must be between 0 and 100 percent, e.g. --mcid-pct 30.");
        Check(cutoff is null or >= 0 and <= 10, "--cutoff must be an NPRS value between 0 and 10, e.g. --cutoff 4.");
        Check(minClients >= 0, "the minimum cell size must be 0 or more.");
        var d = Default;
        var mcid = mcidPoints is null && mcidPercent is null ? d.Mcid
            : new ResponderCriteria(UserSet(d.Mcid.Points, mcidPoints), UserSet(d.Mcid.Percent, mcidPercent));
        return d with
        {
            Sem = UserSet(d.Sem, sem),
            Mcid = mcid,
            RecoveryCutoff = UserSet(d.RecoveryCutoff, cutoff),
            MinClients = minClients,
        };
    }

    /// <summary>The smallest reliable change in points, critical·√2·SEM.</summary>
    public double ReliableChangePoints => ReliableChange.CriticalChange(Sem.Value, Critical.Value);

    /// <summary>Every threshold in use, in the order printed, plus the derived reliable-change size.</summary>
    public IReadOnlyList<ClinicalThreshold> Thresholds() =>
    [
        Sem with { Name = "sem" },
        Critical,
        Sem with
        {
            Name = "reliable_change_points",
            Value = ReliableChangePoints,
            Source = "derived: rci_critical x sqrt(2) x sem (Jacobson & Truax 1991)",
        },
        Mcid.Points with { Name = "mcid_points" },
        Mcid.Percent with { Name = "mcid_percent" },
        RecoveryCutoff,
    ];

    private static ClinicalThreshold UserSet(ClinicalThreshold published, double? value) => value is { } v && v != published.Value
        ? published with { Value = v, Source = "user-set (published default " + published.Value.ToString("R", System.Globalization.CultureInfo.InvariantCulture) + ": " + published.Source + ")" }
        : published;

    private static void Check(bool ok, string message)
    {
        if (!ok)
        {
            throw new NmtInputException(message);
        }
    }
}
