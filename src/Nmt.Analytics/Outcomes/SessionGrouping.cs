using Nmt.Analytics.Data;

namespace Nmt.Analytics.Outcomes;

/// <summary>
/// How sessions are split into summary cells: by technique (a session counts for every technique it used),
/// by technique used alone, by a categorical column (region, clinic), or by bands of a numeric factor.
/// </summary>
public sealed class SessionGrouping
{
    private static readonly string[] OverallLevel = ["all"];
    private readonly Func<ColumnTable, int, string[]?> _levelsOf;
    private readonly IReadOnlyList<string>? _fixedOrder;

    private SessionGrouping(string name, string column, Func<ColumnTable, int, string[]?> levelsOf, IReadOnlyList<string>? fixedOrder = null)
    {
        Name = name;
        Column = column;
        _levelsOf = levelsOf;
        _fixedOrder = fixedOrder;
    }

    /// <summary>The group name in results (<c>technique</c>, <c>region</c>, <c>stress</c>, ...).</summary>
    public string Name { get; }

    /// <summary>The session column the grouping reads (empty for <see cref="Overall"/>).</summary>
    public string Column { get; }

    /// <summary>All sessions in one cell, level <c>all</c>.</summary>
    public static SessionGrouping Overall { get; } = new("overall", "", (_, _) => OverallLevel);

    /// <summary>Every technique a session used (multi-membership: a session counts once for each of its techniques).</summary>
    public static SessionGrouping Technique { get; } = new("technique", SessionColumns.Techniques, Codes);

    /// <summary>Sessions that used exactly one technique, by that technique.</summary>
    public static SessionGrouping TechniqueAlone { get; } = new("technique_alone", SessionColumns.Techniques,
        (t, r) => Codes(t, r) is { } codes ? (codes.Length == 1 ? codes : []) : null);

    /// <summary>By body region.</summary>
    public static SessionGrouping Region { get; } = Categorical("region", SessionColumns.Region);

    /// <summary>By clinic.</summary>
    public static SessionGrouping Clinic { get; } = Categorical("clinic", SessionColumns.ClinicId);

    /// <summary>By the distinct values of any categorical column.</summary>
    public static SessionGrouping Categorical(string name, string column) =>
        new(name, column, (t, r) => CellKey.Of(t[column], r) is { } level ? [level] : null);

    /// <summary>By bands of a numeric factor (values outside every band count as not classifiable).</summary>
    public static SessionGrouping Banded(FactorBands bands)
    {
        ArgumentNullException.ThrowIfNull(bands);
        return new(bands.Group, bands.Column,
            (t, r) => bands.LabelOf(t.Numeric(bands.Column)[r]) is { } label ? [label] : null,
            bands.Bands.Select(b => b.Label).ToArray());
    }

    /// <summary>The levels of <paramref name="row"/>: null when the value is missing or not classifiable; empty when the
    /// session belongs to no level (e.g. several techniques for <see cref="TechniqueAlone"/>).</summary>
    public IReadOnlyList<string>? LevelsOf(ColumnTable sessions, int row) => _levelsOf(sessions, row);

    /// <summary>Display order of the observed levels: band order for bands, ordinal sort otherwise.</summary>
    public IReadOnlyList<string> Order(IEnumerable<string> observed)
    {
        var seen = observed.ToHashSet(StringComparer.Ordinal);
        return _fixedOrder is not null
            ? _fixedOrder.Where(seen.Contains).ToArray()
            : seen.OrderBy(l => l, StringComparer.Ordinal).ToArray();
    }

    private static string[]? Codes(ColumnTable sessions, int row) => sessions[SessionColumns.Techniques] switch
    {
        CodeSetColumn c => c.Values[row],
        TextColumn t => t[row]?.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
        _ => throw new NmtInputException($"column '{SessionColumns.Techniques}' must hold ';'-separated technique codes."),
    };
}
