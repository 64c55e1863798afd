namespace Nmt.Analytics.Synthetic;

/// <summary>
/// Every number the simulator plants, in one place. <see cref="SessionSimulator"/> generates from these and
/// <see cref="GroundTruth"/> reports them; docs/simulator.md lists the same values. Terms use R's names with
/// treatment contrasts against the first level in sorted order (e.g. <c>regioncervical</c> vs <c>ankle_foot</c>).
/// </summary>
internal static class PlantedParameters
{
    // ---- pain_pre: linear mixed model with (1 + session | client_id) ----
    public const double PreIntercept = 6.3;
    public const double PreSession = -0.25;
    public const double PreStress = 0.20;
    public const double PreHydration = -0.40;
    public const double PreSleep = -0.15;
    public const double PreNutrition = 0.0;
    public const double SdIntercept = 1.0;
    public const double SdSlope = 0.10;
    public const double InterceptSlopeCorrelation = -0.3;
    public const double PreResidualSd = 0.7;

    public static readonly Dictionary<string, double> PreBreathing = new(StringComparer.Ordinal)
    {
        ["diaphragmatic"] = 0.0,
        ["mixed"] = 0.15,
        ["paradoxical"] = 0.60,
        ["upper_chest"] = 0.30,
    };

    public static readonly Dictionary<string, double> PreRegion = new(StringComparer.Ordinal)
    {
        ["ankle_foot"] = 0.0,
        ["cervical"] = 0.5,
        ["elbow_forearm"] = 0.1,
        ["head_jaw"] = 0.2,
        ["knee"] = 0.3,
        ["lumbar"] = 0.6,
        ["multiple"] = 0.9,
        ["pelvis_hip"] = 0.4,
        ["shoulder"] = 0.4,
        ["thoracic"] = 0.2,
        ["wrist_hand"] = 0.0,
    };

    public static readonly Dictionary<string, double> PreCondition = new(StringComparer.Ordinal)
    {
        ["acute_injury"] = 0.0,
        ["chronic_pain"] = 0.3,
        ["post_surgical"] = 0.5,
        ["sport_dance"] = -0.5,
    };

    public static readonly Dictionary<string, double> PreChronicity = new(StringComparer.Ordinal)
    {
        ["acute"] = 0.0,
        ["chronic"] = 0.2,
        ["subacute"] = -0.3,
    };

    // ---- pain_change = pain_post - pain_pre (negative = improvement) ----
    public const double ChangeIntercept = -0.2;
    public const double ChangeStress = 0.06;
    public const double ChangeHydration = -0.10;
    public const double ChangeResidualSd = 0.8;

    public static readonly Dictionary<string, double> ChangeTechnique = new(StringComparer.Ordinal)
    {
        ["ischemic_compression"] = -0.5,
        ["positional_release"] = -0.4,
        ["strain_counterstrain"] = -0.4,
        ["muscle_energy"] = -0.6,
        ["init"] = -0.5 + -0.4 + -0.6,
        ["soft_tissue_release"] = -0.45,
        ["stacking"] = -0.3,
        ["induration"] = -0.35,
        ["other"] = -0.1,
    };

    public static readonly Dictionary<string, double> ChangeChronicity = new(StringComparer.Ordinal)
    {
        ["acute"] = 0.0,
        ["chronic"] = 0.5,
        ["subacute"] = 0.2,
    };

    // ---- clinics: effect added to every session's pain_change ----
    public const double BetterClinicEffect = -0.7;
    public const double WorseClinicEffect = 0.7;
    public const double OrdinaryClinicSd = 0.1;

    // ---- technique choice (independent of client and clinic: "as if randomised") ----
    public static readonly double[] TechniqueCountWeights = [0.45, 0.40, 0.15];

    public static readonly double[] TechniqueWeights = [0.18, 0.12, 0.10, 0.16, 0.10, 0.14, 0.06, 0.06, 0.08];

    // ---- dropout after session s (MinSessions <= s < MaxSessions), improvement = pain_pre(1) - pain_post(s) ----
    public const double RecoveredImprovement = 4.0;
    public const double NotHelpedImprovement = 0.0;
    public const double DropoutRecovered = 0.40;
    public const double DropoutNotHelped = 0.35;
    public const double DropoutOtherwise = 0.08;

    // ---- adverse events (post-treatment soreness) ----
    public const double AdverseBase = 0.02;
    public const double AdverseCompression = 0.03;

    // ---- case mix ----
    public static readonly double[] RegionWeights = [0.05, 0.22, 0.07, 0.24, 0.07, 0.12, 0.04, 0.03, 0.07, 0.05, 0.04];
    public static readonly double[] ConditionWeights = [0.50, 0.20, 0.12, 0.18];
    public static readonly double[] CaseMixConditionWeights = [0.85, 0.03, 0.10, 0.02];

    /// <summary>Mean of the client stress level: 4.5, or 6.5 in the case-mix clinic (a stressed, chronic population).</summary>
    public const double StressLevelMean = 4.5;
    public const double CaseMixStressLevelMean = 6.5;

    /// <summary>P(acute, subacute, chronic | condition), rows in <see cref="SimulationCodes.Conditions"/> order.</summary>
    public static readonly double[][] ChronicityGivenCondition =
    [
        [0.0, 0.1, 0.9], [0.7, 0.3, 0.0], [0.3, 0.5, 0.2], [0.4, 0.35, 0.25],
    ];

    public static readonly double[] AgeBandWeights = [0.04, 0.16, 0.20, 0.20, 0.18, 0.12, 0.07, 0.03];
    public static readonly double[] SexWeights = [0.58, 0.38, 0.02, 0.02];
    public static readonly double[] BreathingWeights = [0.45, 0.30, 0.10, 0.15];
    public static readonly double[] NutritionWeights = [0.05, 0.15, 0.35, 0.30, 0.15];
    public static readonly double[] PostureWeights = [0.35, 0.25, 0.10, 0.10, 0.05, 0.05, 0.10];
    public static readonly double[] GaitWeights = [0.55, 0.15, 0.05, 0.12, 0.06, 0.07];
    public static readonly double[] DurationWeights = [0.15, 0.35, 0.40, 0.10];
    public static readonly double[] Durations = [30, 45, 60, 90];
    public const double NeuralEntrapmentRate = 0.15;
    public const double NerveCompressionRate = 0.08;

    // ---- MCAR missingness: client-level columns (missing in all of a client's rows) and session-level ----
    public static readonly (string Column, string Level, double Rate)[] MissingRates =
    [
        ("therapist_id", "client", 0.02), ("age_band", "client", 0.03), ("sex", "client", 0.02),
        ("condition", "client", 0.02), ("chronicity", "client", 0.05), ("breathing_pattern", "client", 0.15),
        ("nutrition", "client", 0.20), ("posture_finding", "client", 0.15), ("gait_finding", "client", 0.20),
        ("neural_entrapment", "client", 0.10), ("nerve_compression", "client", 0.10),
        ("stress", "session", 0.08), ("hydration", "session", 0.12), ("sleep_hours", "session", 0.10),
        ("trigger_points", "session", 0.10), ("ppt_pre", "session", 0.50), ("rom_pre", "session", 0.40),
        ("disability_score", "session", 0.10), ("grc", "session", 0.10), ("duration_min", "session", 0.05),
        ("adverse_event", "session", 0.02),
    ];

    /// <summary>Index of each column in <see cref="MissingRates"/>.</summary>
    public static readonly Dictionary<string, int> MissingIndex =
        MissingRates.Select((m, k) => (m.Column, k)).ToDictionary(x => x.Column, x => x.k, StringComparer.Ordinal);
}
