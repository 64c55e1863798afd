namespace Nmt.Analytics.Outcomes;

/// <summary>Contract column names of the session dataset (docs/cli.md) used by the outcome summaries.</summary>
public static class SessionColumns
{
    /// <summary>Client identifier.</summary>
    public const string ClientId = "client_id";

    /// <summary>Clinic identifier.</summary>
    public const string ClinicId = "clinic_id";

    /// <summary>1-based session number within the client's episode.</summary>
    public const string Session = "session";

    /// <summary>Days since the client's first session.</summary>
    public const string Day = "day";

    /// <summary>Body region treated.</summary>
    public const string Region = "region";

    /// <summary>Techniques used (multi-valued codes).</summary>
    public const string Techniques = "techniques";

    /// <summary>NPRS before the session.</summary>
    public const string PainPre = "pain_pre";

    /// <summary>NPRS after the session.</summary>
    public const string PainPost = "pain_post";

    /// <summary>Self-rated stress 0–10.</summary>
    public const string Stress = "stress";

    /// <summary>Hydration in litres per day.</summary>
    public const string Hydration = "hydration";

    /// <summary>Sleep in hours per night.</summary>
    public const string SleepHours = "sleep_hours";

    /// <summary>
    /// Optional columns copied from a client's first session into the episode table as baseline covariates
    /// (when present in the data).
    /// </summary>
    public static IReadOnlyList<string> BaselineCovariates { get; } =
    [
        "therapist_id", Region, "age_band", "sex", "condition", "chronicity", Stress, Hydration, SleepHours,
        "breathing_pattern", "nutrition", "trigger_points", "neural_entrapment", "nerve_compression",
        "posture_finding", "gait_finding", "disability_instrument", "disability_score",
    ];
}
