namespace Nmt.Analytics.Synthetic;

/// <summary>
/// The codes the simulator writes. Contract codes (techniques, regions, sex, age bands) are those of
/// docs/cli.md; the others (condition, chronicity, breathing pattern, findings, instruments) are the simulator's
/// proposal for the vocabularies in <c>data-schema/vocabularies</c>.
/// </summary>
public static class SimulationCodes
{
    /// <summary>Technique codes (contract).</summary>
    public static IReadOnlyList<string> Techniques { get; } =
        ["ischemic_compression", "positional_release", "strain_counterstrain", "muscle_energy", "init", "soft_tissue_release", "stacking", "induration", "other"];

    /// <summary>The techniques INIT combines (Chaitow: ischemic compression, positional release, MET).</summary>
    public static IReadOnlyList<string> InitComponents { get; } = ["ischemic_compression", "positional_release", "muscle_energy"];

    /// <summary>Body-region codes (contract).</summary>
    public static IReadOnlyList<string> Regions { get; } =
        ["head_jaw", "cervical", "thoracic", "lumbar", "pelvis_hip", "shoulder", "elbow_forearm", "wrist_hand", "knee", "ankle_foot", "multiple"];

    /// <summary>Sex codes (contract).</summary>
    public static IReadOnlyList<string> Sexes { get; } = ["F", "M", "X", "U"];

    /// <summary>Age bands (contract).</summary>
    public static IReadOnlyList<string> AgeBands { get; } = ["<18", "18-29", "30-39", "40-49", "50-59", "60-69", "70-79", "80+"];

    /// <summary>Presenting condition codes.</summary>
    public static IReadOnlyList<string> Conditions { get; } = ["chronic_pain", "acute_injury", "post_surgical", "sport_dance"];

    /// <summary>Chronicity codes (acute &lt; 6 weeks, subacute 6–12 weeks, chronic &gt; 12 weeks).</summary>
    public static IReadOnlyList<string> Chronicities { get; } = ["acute", "subacute", "chronic"];

    /// <summary>Breathing-pattern codes.</summary>
    public static IReadOnlyList<string> BreathingPatterns { get; } = ["diaphragmatic", "upper_chest", "paradoxical", "mixed"];

    /// <summary>Posture-finding codes.</summary>
    public static IReadOnlyList<string> PostureFindings { get; } =
        ["none", "forward_head", "increased_kyphosis", "increased_lordosis", "flat_back", "lateral_shift", "pelvic_obliquity"];

    /// <summary>Gait-finding codes.</summary>
    public static IReadOnlyList<string> GaitFindings { get; } =
        ["none", "antalgic", "trendelenburg", "overpronation", "reduced_arm_swing", "short_stride"];

    /// <summary>Disability instruments: Neck Disability Index, Oswestry, QuickDASH (0–100, higher = worse), LEFS (0–80), PSFS (0–10; higher = better).</summary>
    public static IReadOnlyList<string> DisabilityInstruments { get; } = ["ndi", "odi", "quickdash", "lefs", "psfs"];
}
