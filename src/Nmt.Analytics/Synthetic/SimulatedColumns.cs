using Nmt.Analytics.Data;
using Nmt.Analytics.Outcomes;

namespace Nmt.Analytics.Synthetic;

/// <summary>Growable columns in the dataset contract's order; <see cref="ToTable"/> makes the <see cref="ColumnTable"/>.</summary>
internal sealed class SimulatedColumns(int capacity)
{
    private readonly List<string?>[] _text = NewLists<string?>(TextNames.Length, capacity);
    private readonly List<double>[] _numbers = NewLists<double>(NumericNames.Length, capacity);
    private readonly List<string[]?> _techniques = new(capacity);

    /// <summary>Every column of the session dataset contract, in output order.</summary>
    public static readonly string[] ColumnOrder =
    [
        SessionColumns.ClientId, "clinic_id", "therapist_id", "session", "day", "region", "techniques", "pain_pre", "pain_post",
        "age_band", "sex", "condition", "chronicity", "stress", "hydration", "sleep_hours", "breathing_pattern",
        "nutrition", "trigger_points", "neural_entrapment", "nerve_compression", "posture_finding", "gait_finding",
        "ppt_pre", "ppt_post", "rom_pre", "rom_post", "disability_instrument", "disability_score", "grc",
        "duration_min", "adverse_event",
    ];

    private static readonly string[] TextNames =
    [
        SessionColumns.ClientId, "clinic_id", "therapist_id", "region", "age_band", "sex", "condition", "chronicity",
        "breathing_pattern", "posture_finding", "gait_finding", "disability_instrument",
    ];

    private static readonly string[] NumericNames =
    [
        "session", "day", "pain_pre", "pain_post", "stress", "hydration", "sleep_hours", "nutrition", "trigger_points",
        "neural_entrapment", "nerve_compression", "ppt_pre", "ppt_post", "rom_pre", "rom_post", "disability_score",
        "grc", "duration_min", "adverse_event",
    ];

    public void Append(SessionRow row)
    {
        AddText(row.ClientId, row.ClinicId, row.TherapistId, row.Region, row.AgeBand, row.Sex, row.Condition, row.Chronicity,
            row.BreathingPattern, row.PostureFinding, row.GaitFinding, row.DisabilityInstrument);
        AddNumbers(row.Session, row.Day, row.PainPre, row.PainPost, row.Stress, row.Hydration, row.SleepHours, row.Nutrition,
            row.TriggerPoints, row.NeuralEntrapment, row.NerveCompression, row.PptPre, row.PptPost, row.RomPre, row.RomPost,
            row.DisabilityScore, row.Grc, row.DurationMin, row.AdverseEvent);
        _techniques.Add(row.Techniques);
    }

    public ColumnTable ToTable()
    {
        var columns = new Dictionary<string, TableColumn>(StringComparer.Ordinal)
        {
            ["techniques"] = new CodeSetColumn("techniques", [.. _techniques]),
        };
        for (var i = 0; i < TextNames.Length; i++)
        {
            columns[TextNames[i]] = new TextColumn(TextNames[i], [.. _text[i]]);
        }
        for (var i = 0; i < NumericNames.Length; i++)
        {
            columns[NumericNames[i]] = new NumericColumn(NumericNames[i], [.. _numbers[i]]);
        }
        var table = new ColumnTable(_techniques.Count);
        foreach (var name in ColumnOrder)
        {
            table.Add(columns[name]);
        }
        return table;
    }

    private void AddText(params string?[] values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            _text[i].Add(values[i]);
        }
    }

    private void AddNumbers(params double[] values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            _numbers[i].Add(values[i] == 0.0 ? 0.0 : values[i]); // normalises -0 so files never show "-0"
        }
    }

    private static List<T>[] NewLists<T>(int count, int capacity) =>
        Enumerable.Range(0, count).Select(_ => new List<T>(capacity)).ToArray();
}
