using MathNet.Numerics.LinearAlgebra;

namespace Nmt.Analytics.Benchmarking;

/// <summary>
/// Sufficient statistics of a linear model — n, XᵀX, Xᵀy, yᵀy — which are additive across data sets.
/// Clinics share these instead of rows: the least-squares fit of the pooled data is exactly the fit
/// of the summed cross-products.
/// </summary>
public sealed class CaseMixCrossProducts
{
    private CaseMixCrossProducts(long count, Matrix<double> xtx, Vector<double> xty, double yty)
    {
        Count = count;
        XtX = xtx;
        Xty = xty;
        Yty = yty;
    }

    /// <summary>Number of observations summarised.</summary>
    public long Count { get; }

    /// <summary>XᵀX (p × p).</summary>
    public Matrix<double> XtX { get; }

    /// <summary>Xᵀy (length p).</summary>
    public Vector<double> Xty { get; }

    /// <summary>yᵀy.</summary>
    public double Yty { get; }

    /// <summary>Number of columns of X.</summary>
    public int Dimension => Xty.Count;

    /// <summary>Empty statistics for a design with <paramref name="dimension"/> columns.</summary>
    public static CaseMixCrossProducts Empty(int dimension) =>
        new(0, Matrix<double>.Build.Dense(dimension, dimension), Vector<double>.Build.Dense(dimension), 0);

    /// <summary>Cross-products of the rows of <paramref name="x"/> and <paramref name="y"/>.</summary>
    public static CaseMixCrossProducts FromRows(Matrix<double> x, Vector<double> y)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        if (x.RowCount != y.Count)
        {
            throw new ArgumentException("X and y must have the same number of rows.", nameof(y));
        }
        return new CaseMixCrossProducts(x.RowCount, x.TransposeThisAndMultiply(x), x.TransposeThisAndMultiply(y), y.DotProduct(y));
    }

    /// <summary>Rebuilds statistics from stored parts (e.g. a shared summary file).</summary>
    public static CaseMixCrossProducts FromParts(long count, double[,] xtx, double[] xty, double yty)
    {
        ArgumentNullException.ThrowIfNull(xtx);
        ArgumentNullException.ThrowIfNull(xty);
        if (xtx.GetLength(0) != xty.Length || xtx.GetLength(1) != xty.Length)
        {
            throw new NmtInputException($"summary cross-products are inconsistent: XᵀX is {xtx.GetLength(0)}×{xtx.GetLength(1)} but Xᵀy has {xty.Length} entries.");
        }
        return new CaseMixCrossProducts(count, Matrix<double>.Build.DenseOfArray(xtx), Vector<double>.Build.DenseOfArray(xty), yty);
    }

    /// <summary>The statistics of the union of two disjoint data sets.</summary>
    public CaseMixCrossProducts Plus(CaseMixCrossProducts other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (other.Dimension != Dimension)
        {
            throw new NmtInputException($"cannot combine summaries with {Dimension} and {other.Dimension} design columns; they were built with different case-mix models.");
        }
        return new CaseMixCrossProducts(Count + other.Count, XtX + other.XtX, Xty + other.Xty, Yty + other.Yty);
    }

    /// <summary>Sums a sequence of statistics.</summary>
    public static CaseMixCrossProducts Sum(IEnumerable<CaseMixCrossProducts> parts, int dimension)
    {
        ArgumentNullException.ThrowIfNull(parts);
        return parts.Aggregate(Empty(dimension), (total, part) => total.Plus(part));
    }
}
