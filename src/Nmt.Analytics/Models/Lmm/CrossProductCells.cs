namespace Nmt.Analytics.Models.Lmm;

/// <summary>
/// The sufficient statistics of a linear mixed model as a SQL engine returns them: the global sums XᵀX, Xᵀy, yᵀy
/// over the raw rows, and per cell (one combination of the grouping factors' levels) the cross-products of the
/// random-effect columns of all blocks, concatenated in formula order (r columns in all), with X and y.
/// Sums are additive over rows, so cells from several sources merge by adding.
/// </summary>
internal sealed class CrossProductCells
{
    /// <summary>Number of rows.</summary>
    public required int N { get; init; }

    /// <summary>Number of fixed-effect columns.</summary>
    public required int P { get; init; }

    /// <summary>Number of random-effect columns of all blocks together.</summary>
    public required int R { get; init; }

    /// <summary>XᵀX (p×p, row-major, full), Xᵀy and yᵀy of the raw rows.</summary>
    public required double[] XtX { get; init; }

    /// <summary>Xᵀy of the raw rows.</summary>
    public required double[] Xty { get; init; }

    /// <summary>yᵀy of the raw rows.</summary>
    public required double Yty { get; init; }

    /// <summary>Per block (formula order), per cell: the index of the cell's level among the block's levels.</summary>
    public required int[][] Levels { get; init; }

    /// <summary>Per cell, ZᵀZ (r×r, row-major, full).</summary>
    public required double[] ZtZ { get; init; }

    /// <summary>Per cell, ZᵀX (r×p, row-major).</summary>
    public required double[] ZtX { get; init; }

    /// <summary>Per cell, Zᵀy (r).</summary>
    public required double[] Zty { get; init; }

    /// <summary>Number of cells.</summary>
    public int Count => Zty.Length / Math.Max(1, R);
}
