namespace Nmt.Analytics.Data;

/// <summary>
/// The session dataset contract in code: one <see cref="ColumnSpec"/> per column of
/// <c>data-schema/data-dictionary.md</c> (long format, one row per treatment session).
/// A test checks that this model, the JSON schema and the dictionary agree.
/// </summary>
public static class SessionSchema
{
    /// <summary>The derived per-session outcome added by the loader: <c>pain_post − pain_pre</c> (negative = improvement).</summary>
    public const string PainChange = "pain_change";

    /// <summary>Every column of the contract, required ones first, in dictionary order.</summary>
    public static IReadOnlyList<ColumnSpec> Columns { get; } =
    [
        Id("client_id", true, "Pseudonymous client code, stable across the client's sessions; never a name or record number from the clinic system.", "episode of care"),
        Id("clinic_id", true, "Pseudonymous clinic code.", "clinic"),
        Int("session", true, 1, 1000, null, 100, "session number", "1-based number of the session within the client's episode of care.", "treatment course"),
        Int("day", true, 0, 3650, null, 1095, "days", "Days since the client's first session (0 at session 1); never a calendar date.", "treatment course"),
        Code("region", true, "regions", "Main body region treated in the session.", "regionally oriented protocol"),
        new("techniques", ColumnKind.CodeSet, true, "NMT techniques applied in the session, separated by ';' (or '|').", "NMT techniques")
        { Vocabulary = "techniques", ValueRequired = true },
        Num("pain_pre", true, 0, 10, null, null, "NPRS 0-10", "Pain intensity before the session (numeric pain rating scale, 0 = no pain, 10 = worst imaginable).", "pain"),
        Num("pain_post", true, 0, 10, null, null, "NPRS 0-10", "Pain intensity after the session (same scale as pain_pre).", "pain"),
        Id("therapist_id", false, "Pseudonymous therapist code.", "therapist"),
        Code("age_band", false, "age_bands", "Client's age band at the first session (never a birth date).", "client profile"),
        Code("sex", false, "sex", "Client's recorded sex.", "client profile"),
        Code("condition", false, "conditions", "Presenting condition of the episode.", "presenting complaint"),
        Code("chronicity", false, "chronicity", "Duration of symptoms at the first session.", "chronic pain"),
        Num("stress", false, 0, 10, null, null, "rating 0-10", "Self-rated psychological stress (0 = none, 10 = extreme).", "psychological stress"),
        Num("hydration", false, 0, 20, 0.5, 6, "litres/day", "Usual fluid intake.", "hydration"),
        Num("sleep_hours", false, 0, 24, 3, 14, "hours/night", "Usual hours of sleep per night.", "sleep and recovery"),
        Code("breathing_pattern", false, "breathing_patterns", "Breathing pattern observed at assessment.", "breathing patterns"),
        Int("nutrition", false, 1, 5, null, null, "rating 1-5", "Therapist's rating of diet quality (1 = poor, 5 = very good).", "nutrition"),
        Int("trigger_points", false, 0, 200, null, 40, "count", "Number of active myofascial trigger points found in the session.", "myofascial trigger points"),
        Flag("neural_entrapment", "Signs of neural entrapment (pressure on a nerve by muscle or other soft tissue): 1 = yes, 0 = no.", "neural entrapment"),
        Flag("nerve_compression", "Signs of nerve compression (pressure on a nerve by bone, cartilage or disc): 1 = yes, 0 = no.", "nerve compression"),
        Code("posture_finding", false, "posture_findings", "Main finding of the postural assessment.", "postural assessment"),
        Code("gait_finding", false, "gait_findings", "Main finding of the gait assessment.", "gait patterns"),
        Num("ppt_pre", false, 0, 20, 0.3, 12, "kg/cm²", "Pressure pain threshold (algometer) at the main trigger point before the session.", "myofascial trigger points"),
        Num("ppt_post", false, 0, 20, 0.3, 12, "kg/cm²", "Pressure pain threshold after the session (same site as ppt_pre).", "myofascial trigger points"),
        Num("rom_pre", false, 0, 360, null, 200, "degrees", "Range of motion of the main restricted movement before the session.", "joint restriction"),
        Num("rom_post", false, 0, 360, null, 200, "degrees", "Range of motion after the session (same movement as rom_pre).", "joint restriction"),
        Code("disability_instrument", false, "disability_instruments", "Disability questionnaire used for disability_score.", "function and disability"),
        Num("disability_score", false, 0, 100, null, null, "instrument score", "Score on disability_instrument (instrument's own scale and direction).", "function and disability"),
        Int("grc", false, -7, 7, null, null, "GRC -7..+7", "Global rating of change (-7 = a very great deal worse, +7 = a very great deal better).", "global change"),
        Num("duration_min", false, 1, 600, 10, 120, "minutes", "Length of the treatment session.", "treatment dose"),
        Flag("adverse_event", "Adverse event reported after the session (e.g. soreness beyond 48 h): 1 = yes, 0 = no.", "safety"),
    ];

    /// <summary>
    /// Quasi-identifiers for the k-anonymity check, at the client level: combinations of these can single out a person.
    /// </summary>
    public static IReadOnlyList<string> QuasiIdentifiers { get; } = ["age_band", "sex", "clinic_id", "condition", "region"];

    private static readonly Dictionary<string, ColumnSpec> ByName = Columns.ToDictionary(c => c.Name, StringComparer.Ordinal);

    /// <summary>Names of the required columns.</summary>
    public static IReadOnlyList<string> RequiredColumns { get; } = [.. Columns.Where(c => c.Required).Select(c => c.Name)];

    /// <summary>The spec of <paramref name="name"/>, or null when it is not a contract column.</summary>
    public static ColumnSpec? Find(string name) => ByName.GetValueOrDefault(name);

    /// <summary>The vocabulary of a code column (null for other kinds).</summary>
    public static Vocabulary? VocabularyOf(ColumnSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        return spec.Vocabulary is null ? null : Vocabularies.Get(spec.Vocabulary);
    }

    private static ColumnSpec Id(string name, bool required, string meaning, string concept) =>
        new(name, ColumnKind.Identifier, required, meaning, concept) { ValueRequired = required };

    private static ColumnSpec Code(string name, bool required, string vocabulary, string meaning, string concept) =>
        new(name, ColumnKind.Code, required, meaning, concept) { Vocabulary = vocabulary, ValueRequired = required };

    private static ColumnSpec Flag(string name, string meaning, string concept) =>
        new(name, ColumnKind.Flag, false, meaning, concept) { Min = 0, Max = 1, Unit = "0/1" };

    private static ColumnSpec Int(string name, bool required, double? min, double? max, double? plausibleMin, double? plausibleMax,
        string unit, string meaning, string concept) =>
        new(name, ColumnKind.Integer, required, meaning, concept)
        {
            Min = min,
            Max = max,
            PlausibleMin = plausibleMin,
            PlausibleMax = plausibleMax,
            Unit = unit,
            ValueRequired = required,
        };

    // pain_pre/pain_post are required columns whose cells may be empty (a missing rating is a warning, not an error).
    private static ColumnSpec Num(string name, bool required, double? min, double? max, double? plausibleMin, double? plausibleMax,
        string unit, string meaning, string concept) =>
        new(name, ColumnKind.Number, required, meaning, concept)
        {
            Min = min,
            Max = max,
            PlausibleMin = plausibleMin,
            PlausibleMax = plausibleMax,
            Unit = unit,
        };
}
