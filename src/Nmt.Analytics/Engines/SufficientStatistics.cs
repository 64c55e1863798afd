namespace Nmt.Analytics.Engines;

/// <summary>
/// What a linear model (OLS) or a linear mixed model needs from the rows, as sums that add over rows: n, XᵀX, Xᵀy,
/// yᵀy, and for mixed models per cell (one combination of the grouping columns' values) n, ZᵀZ, ZᵀX and Zᵀy of the
/// random-effect columns. Computed by an engine (<see cref="EngineSummaries"/>), written to and read from files
/// (<see cref="SummaryFile"/>), merged exactly across sources (<see cref="SummaryMerge"/>), fitted by <see cref="SummaryFit"/>.
/// </summary>
public sealed class SufficientStatistics
{
    /// <summary>Version of the summary layout; summaries of different versions are never merged.</summary>
    public const int CurrentSchemaVersion = 1;

    /// <summary>Version of this summary's layout.</summary>
    public int SchemaVersion { get; init; } = CurrentSchemaVersion;

    /// <summary>The formula, normalised by the parser.</summary>
    public required string Formula { get; init; }

    /// <summary>The response column.</summary>
    public required string ResponseName { get; init; }

    /// <summary>Fixed-effect column names (R's convention), the order of <see cref="XtX"/>.</summary>
    public required IReadOnlyList<string> FixedNames { get; init; }

    /// <summary>Random-effects blocks in formula order; their terms, concatenated, are the r columns of the cell sums.</summary>
    public required IReadOnlyList<SummaryBlock> Blocks { get; init; }

    /// <summary>The columns whose combinations are the cells.</summary>
    public required IReadOnlyList<string> CellVariables { get; init; }

    /// <summary>Per cell column: true when its values are numbers (levels then sort numerically, as in memory).</summary>
    public required IReadOnlyList<bool> CellVariableIsNumeric { get; init; }

    /// <summary>Rows the source holds.</summary>
    public required long RowsRead { get; init; }

    /// <summary>Rows left out, by reason.</summary>
    public required IReadOnlyList<ExclusionCount> Exclusions { get; init; }

    /// <summary>Rows used.</summary>
    public required long N { get; init; }

    /// <summary>XᵀX over the rows used (p×p, row-major, full).</summary>
    public required double[] XtX { get; init; }

    /// <summary>Xᵀy over the rows used.</summary>
    public required double[] Xty { get; init; }

    /// <summary>yᵀy over the rows used.</summary>
    public required double Yty { get; init; }

    /// <summary>Per cell: the values of <see cref="CellVariables"/> (numbers formatted as R prints them). Empty when the cells were left out.</summary>
    public IReadOnlyList<string[]> CellKeys { get; init; } = [];

    /// <summary>Per cell: its number of rows.</summary>
    public long[] CellCounts { get; init; } = [];

    /// <summary>
    /// Per cell: its number of distinct clients (<c>COUNT(DISTINCT client_id)</c>), for disclosure control; empty when
    /// unknown (a source without <c>client_id</c>, or an older summary file), where <see cref="ClientsIn"/> falls back to the rows.
    /// </summary>
    public long[] CellClients { get; init; } = [];

    /// <summary>Clients in cell <paramref name="cell"/>: the distinct count when known, else its rows (an upper bound).</summary>
    public long ClientsIn(int cell) => CellClients.Length > 0 ? CellClients[cell] : CellCounts[cell];

    /// <summary>Per cell: ZᵀZ (r×r, row-major, full), concatenated.</summary>
    public double[] CellZtZ { get; init; } = [];

    /// <summary>Per cell: ZᵀX (r×p, row-major), concatenated.</summary>
    public double[] CellZtX { get; init; } = [];

    /// <summary>Per cell: Zᵀy (r), concatenated.</summary>
    public double[] CellZty { get; init; } = [];

    /// <summary>Number of fixed-effect columns.</summary>
    public int P => FixedNames.Count;

    /// <summary>Number of random-effect columns of all blocks.</summary>
    public int R => Blocks.Sum(b => b.Terms.Count);

    /// <summary>True when the per-cell sums are present (needed for mixed models).</summary>
    public bool HasCells => CellKeys.Count > 0;

    /// <summary>The same summary without its cells: only the totals, which suffice for OLS and identify no group.</summary>
    public SufficientStatistics TotalsOnly() => WithCells([], [], [], [], []);

    /// <summary>The same totals with the given cells.</summary>
    internal SufficientStatistics WithCells(IReadOnlyList<string[]> keys, long[] counts, double[] ztz, double[] ztx, double[] zty, long[]? clients = null) => new()
    {
        SchemaVersion = SchemaVersion,
        Formula = Formula,
        ResponseName = ResponseName,
        FixedNames = FixedNames,
        Blocks = Blocks,
        CellVariables = CellVariables,
        CellVariableIsNumeric = CellVariableIsNumeric,
        RowsRead = RowsRead,
        Exclusions = Exclusions,
        N = N,
        XtX = XtX,
        Xty = Xty,
        Yty = Yty,
        CellKeys = keys,
        CellCounts = counts,
        CellClients = clients ?? [],
        CellZtZ = ztz,
        CellZtX = ztx,
        CellZty = zty,
    };
}
