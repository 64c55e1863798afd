using Nmt.Analytics.Data;

namespace Nmt.Analytics.Evidence.EffectSizes;

/// <summary>
/// Study effect sizes ready for pooling: one <see cref="StudyEffect"/> per usable study, the matching rows of the
/// source table (for subgroup and moderator columns), the rows left out and notes (e.g. zero-cell corrections).
/// </summary>
public sealed class EffectSizeSet
{
    /// <summary>Creates a set; <paramref name="rows"/> must have one row per study, in the same order.</summary>
    public EffectSizeSet(
        EffectMeasure measure, IReadOnlyList<StudyEffect> studies, ColumnTable? rows = null,
        IReadOnlyList<RowExclusion>? excluded = null, IReadOnlyList<string>? notes = null)
    {
        ArgumentNullException.ThrowIfNull(studies);
        if (rows is not null && rows.RowCount != studies.Count)
        {
            throw new ArgumentException("One table row per study is required.", nameof(rows));
        }
        Measure = measure;
        Studies = studies;
        Rows = rows ?? new ColumnTable(studies.Count, studies.Select(s => s.Line).ToArray());
        Excluded = excluded ?? [];
        Notes = notes ?? [];
    }

    /// <summary>The effect-size measure.</summary>
    public EffectMeasure Measure { get; }

    /// <summary>The studies, in input order.</summary>
    public IReadOnlyList<StudyEffect> Studies { get; }

    /// <summary>The source rows of the studies (moderators, subgroups), aligned with <see cref="Studies"/>.</summary>
    public ColumnTable Rows { get; }

    /// <summary>Rows that could not be used, with reasons.</summary>
    public IReadOnlyList<RowExclusion> Excluded { get; }

    /// <summary>Notes on how effect sizes were computed (corrections, caveats).</summary>
    public IReadOnlyList<string> Notes { get; }

    /// <summary>Number of studies.</summary>
    public int Count => Studies.Count;

    /// <summary>The subset of studies at the given indices (rows and notes carried along).</summary>
    public EffectSizeSet Subset(IReadOnlyList<int> indices)
    {
        ArgumentNullException.ThrowIfNull(indices);
        return new EffectSizeSet(Measure, indices.Select(i => Studies[i]).ToArray(), Rows.Take(indices), Excluded, Notes);
    }
}
