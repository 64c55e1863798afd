using Nmt.Analytics.Outcomes;

namespace Nmt.Analytics.Prediction;

/// <summary>Which session-dataset columns may serve as predictors, and which never may.</summary>
public static class FeatureCatalog
{
    /// <summary>
    /// Default predictors, used when present: what is known before or during a session (the session dataset of docs/cli.md).
    /// Numeric columns get a missing-value indicator, text columns are one-hot coded, <c>techniques</c> becomes
    /// one indicator per code (<c>tech_&lt;code&gt;</c>). The encoding follows the column's type, not its name.
    /// </summary>
    public static IReadOnlyList<string> DefaultFeatures { get; } =
    [
        "session", "pain_pre", "region", "techniques", "age_band", "sex", "condition", "chronicity",
        "stress", "hydration", "sleep_hours", "breathing_pattern", "nutrition",
        "trigger_points", "neural_entrapment", "nerve_compression", "posture_finding", "gait_finding",
        "duration_min", "ppt_pre", "rom_pre",
    ];

    /// <summary>
    /// Columns that can never be predictors: identifiers (a model must generalise to new clients and clinics)
    /// and anything measured after treatment, which would leak the outcome.
    /// </summary>
    public static IReadOnlyList<string> Forbidden { get; } =
    [
        SessionColumns.ClientId, "clinic_id", "therapist_id", "pain_post", "pain_change", "episode_change",
        "episode_pct_change", "responder", "ppt_post", "rom_post", "grc", "disability_score", "adverse_event",
    ];
}
