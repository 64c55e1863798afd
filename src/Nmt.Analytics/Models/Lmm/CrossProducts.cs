using MathNet.Numerics.LinearAlgebra;
using Nmt.Analytics.Formulas;

namespace Nmt.Analytics.Models.Lmm;

/// <summary>
/// The sufficient statistics of a linear mixed model, computed once in a single pass over the rows:
/// XᵀX, Xᵀy, yᵀy; per level of the primary grouping factor (the one with most levels) ZᵢᵀZᵢ, ZᵢᵀXᵢ, Zᵢᵀyᵢ;
/// and, for the other (secondary) grouping factors, their dense cross-products and the sparse blocks coupling them
/// with the primary factor. Every deviance evaluation then works on these alone (cost O(levels), not O(rows)).
/// </summary>
internal sealed partial class CrossProducts
{
    public CrossProducts(ModelFrame frame, ThetaLayout layout, int maxSecondary)
        : this(frame.Count, frame.X.ColumnCount, layout, maxSecondary) =>
        Accumulate(frame, layout.Blocks);

    /// <summary>Sizes the statistics for n rows, p fixed effects and the layout's blocks (all sums zero).</summary>
    private CrossProducts(int n, int p, ThetaLayout layout, int maxSecondary)
    {
        N = n;
        P = p;
        var blocks = layout.Blocks;
        Q1 = blocks[0].Terms.Count;
        G = blocks[0].Levels.Count;
        UnitBlock = [];
        UnitRow = [];
        BlockUnitOffset = new int[blocks.Count];
        SecondaryRowOffset = new int[blocks.Count];
        var units = 0;
        for (var k = 1; k < blocks.Count; k++)
        {
            BlockUnitOffset[k] = units;
            SecondaryRowOffset[k] = Q2;
            units += blocks[k].Levels.Count;
            Q2 += blocks[k].Levels.Count * blocks[k].Terms.Count;
        }
        if (Q2 > maxSecondary)
        {
            throw new NmtInputException(
                $"The model's secondary grouping factors have {Q2} random effects in total; at most {maxSecondary} are supported " +
                $"(the grouping factor with most levels, here '{blocks[0].Group}', may be arbitrarily large). Simplify the random-effects terms.");
        }
        UnitBlock = new int[units];
        UnitRow = new int[units];
        for (var k = 1; k < blocks.Count; k++)
        {
            for (var l = 0; l < blocks[k].Levels.Count; l++)
            {
                UnitBlock[BlockUnitOffset[k] + l] = k;
                UnitRow[BlockUnitOffset[k] + l] = SecondaryRowOffset[k] + (l * blocks[k].Terms.Count);
            }
        }
        A11 = new double[G * Q1 * Q1];
        ZtX1 = new double[G * Q1 * P];
        Zty1 = new double[G * Q1];
        A22 = new double[Q2 * Q2];
        ZtX2 = new double[Q2 * P];
        Zty2 = new double[Q2];
        XtX = new double[P * P];
        Xty = new double[P];
        LevelEte = new double[G + units];
        LevelCount = new int[G + units];
    }

    public int N { get; }
    public int P { get; }
    public int Q1 { get; }
    public int G { get; }
    public int Q2 { get; }

    /// <summary>Per secondary level ("unit"): its block and its first row in the secondary (q2) space.</summary>
    public int[] UnitBlock { get; }
    public int[] UnitRow { get; }
    public int[] BlockUnitOffset { get; }
    public int[] SecondaryRowOffset { get; }

    public double[] A11 { get; }
    public double[] ZtX1 { get; }
    public double[] Zty1 { get; }
    public double[] A22 { get; }
    public double[] ZtX2 { get; }
    public double[] Zty2 { get; }
    /// <summary>
    /// Per level of every grouping factor (the primary factor's levels, then the secondary units): the residual sum
    /// of squares eᵀe and the row count, with e = y − Xγ; with ZᵀZ and Zᵀe above they give the moment starting values.
    /// Empty sums when the statistics come from summaries.
    /// </summary>
    public double[] LevelEte { get; }
    public int[] LevelCount { get; }

    public double[] XtX { get; }
    public double[] Xty { get; }
    public double Yty { get; private set; }

    /// <summary>
    /// The ordinary least-squares coefficients γ. All statistics use y − Xγ instead of y: the profiled deviance is
    /// invariant to that shift (β̂ moves by γ), and it keeps r² = yᵀy − ‖c_u‖² − ‖c_β‖² free of catastrophic
    /// cancellation, which matters for the numerical derivatives behind the Satterthwaite df.
    /// </summary>
    public double[] Gamma { get; private set; } = [];

    /// <summary>CSR over primary levels: the secondary units coupled with level g are <c>CoupledUnits[CoupledStart[g]..CoupledStart[g+1]]</c>.</summary>
    public int[] CoupledStart { get; private set; } = [];
    public int[] CoupledUnits { get; private set; } = [];

    /// <summary>Offset into <see cref="CoupledBlocks"/> of each coupling's q_k×q1 block Z_kᵀZ_1 (row-major).</summary>
    public int[] CoupledOffset { get; private set; } = [];
    public double[] CoupledBlocks { get; private set; } = [];

    /// <summary>Copies ZᵀZ (lower triangle, q×q) and Zᵀe of level <paramref name="level"/> of layout block <paramref name="k"/>; returns its eᵀe.</summary>
    public double LevelMoments(int k, int level, int q, double[] ztz, double[] zte, out int count)
    {
        if (k == 0)
        {
            Array.Copy(A11, level * q * q, ztz, 0, q * q);
            Array.Copy(Zty1, level * q, zte, 0, q);
            count = LevelCount[level];
            return LevelEte[level];
        }
        var unit = BlockUnitOffset[k] + level;
        var row = UnitRow[unit];
        for (var a = 0; a < q; a++)
        {
            for (var b = 0; b < q; b++)
            {
                ztz[(a * q) + b] = A22[((row + a) * Q2) + row + b];
            }
            zte[a] = Zty2[row + a];
        }
        count = LevelCount[G + unit];
        return LevelEte[G + unit];
    }

    /// <summary>Σ z_j² over the rows for column <paramref name="j"/> of layout block <paramref name="k"/> (the diagonal of ZᵀZ summed over levels).</summary>
    public double ColumnSumOfSquares(int k, int j, int q, int levels)
    {
        var sum = 0.0;
        for (var l = 0; l < levels; l++)
        {
            sum += k == 0 ? A11[(l * q * q) + (j * q) + j] : A22[((UnitRow[BlockUnitOffset[k] + l] + j) * Q2) + UnitRow[BlockUnitOffset[k] + l] + j];
        }
        return sum;
    }

    private static double[] Values(Matrix<double> m) => m.AsColumnMajorArray() ?? m.ToColumnMajorArray();

    /// <summary>Below this many rows the passes run on one thread (a second costs more than it saves).</summary>
    private const int ParallelRows = 100_000;

    private void Accumulate(ModelFrame frame, IReadOnlyList<RandomEffectBlock> blocks)
    {
        var x = Values(frame.X);
        var y = frame.Y.AsArray() ?? frame.Y.ToArray();
        var z = blocks.Select(b => Values(b.Z)).ToArray();
        var idx = blocks.Select(b => b.GroupIndex).ToArray();
        var q = blocks.Select(b => b.Terms.Count).ToArray();
        Gamma = OrdinaryLeastSquares(x, y);
        if (blocks.Count == 1 && SplitBetweenGroups(idx[0]) is var split and > 0)
        {
            // Two halves of the rows sharing no level: each half writes only its own levels' sums, and the global sums
            // are added in a fixed order, so the result does not depend on thread timing.
            var second = Task.Run(() => AccumulatePrimary(split, N, x, y, z[0], idx[0]));
            var first = AccumulatePrimary(0, split, x, y, z[0], idx[0]);
            AddGlobal(first);
            AddGlobal(second.GetAwaiter().GetResult());
            BuildCoupling([], []);
            return;
        }
        var couplings = new Dictionary<long, int>();
        var couplingData = new List<double>();
        var xi = new double[P];
        var z1 = new double[Q1];
        var ete = 0.0;
        for (var i = 0; i < N; i++)
        {
            var yi = Residual(i, x, y, xi);
            AddPrimaryRow(i, idx[0][i], z[0], xi, yi, z1, Xty, ref ete);
            for (var k = 1; k < blocks.Count; k++)
            {
                AddSecondary(i, k, idx, z, q, z1, xi, yi, couplings, couplingData);
            }
        }
        Yty += ete;
        BuildCoupling(couplings, couplingData);
    }

    /// <summary>
    /// A row near the middle such that no level occurs on both sides of it (clients' rows usually come together), or 0
    /// when the rows are too few or the levels interleave.
    /// </summary>
    private int SplitBetweenGroups(int[] group)
    {
        if (N < ParallelRows || Environment.ProcessorCount < 2)
        {
            return 0;
        }
        var split = N / 2;
        while (split < N && group[split] == group[split - 1])
        {
            split++;
        }
        var before = new bool[G];
        for (var i = 0; i < split; i++)
        {
            before[group[i]] = true;
        }
        for (var i = split; i < N; i++)
        {
            if (before[group[i]])
            {
                return 0;
            }
        }
        return split < N ? split : 0;
    }

    /// <summary>Rows [from, to) of a one-factor model: per-level sums in place; returns the half's Xᵀe and eᵀe.</summary>
    private (double[] Xte, double Ete) AccumulatePrimary(int from, int to, double[] x, double[] y, double[] z, int[] group)
    {
        var xte = new double[P];
        var ete = 0.0;
        var xi = new double[P];
        var z1 = new double[Q1];
        for (var i = from; i < to; i++)
        {
            AddPrimaryRow(i, group[i], z, xi, Residual(i, x, y, xi), z1, xte, ref ete);
        }
        return (xte, ete);
    }

    /// <summary>Row i's fixed-effect values into <paramref name="xi"/>; returns its OLS residual yᵢ − xᵢγ.</summary>
    private double Residual(int i, double[] x, double[] y, double[] xi)
    {
        var yi = y[i];
        for (var j = 0; j < P; j++)
        {
            xi[j] = x[i + (j * N)];
            yi -= xi[j] * Gamma[j];
        }
        return yi;
    }

    /// <summary>Adds row i (level g of the primary factor, residual yi) to Xᵀe, eᵀe and the level's sums; leaves its z in z1.</summary>
    private void AddPrimaryRow(int i, int g, double[] z, double[] xi, double yi, double[] z1, double[] xte, ref double ete)
    {
        for (var j = 0; j < P; j++)
        {
            xte[j] += xi[j] * yi;
        }
        ete += yi * yi;
        for (var a = 0; a < Q1; a++)
        {
            z1[a] = z[i + (a * N)];
        }
        AddPrimary(g, z1, xi, yi);
        LevelEte[g] += yi * yi;
        LevelCount[g]++;
    }

    private void AddGlobal((double[] Xte, double Ete) half)
    {
        for (var j = 0; j < P; j++)
        {
            Xty[j] += half.Xte[j];
        }
        Yty += half.Ete;
    }

    private double[] OrdinaryLeastSquares(double[] x, double[] y)
    {
        var half = N >= ParallelRows && Environment.ProcessorCount > 1 ? N / 2 : N;
        var second = half < N ? Task.Run(() => OuterProducts(x, y, half, N)) : null;
        var (xtx, xty) = OuterProducts(x, y, 0, half);
        if (second is not null)
        {
            var (xtx2, xty2) = second.GetAwaiter().GetResult();
            Add(xtx, xtx2);
            Add(xty, xty2);
        }
        MirrorUpper(xtx, P);
        Array.Copy(xtx, XtX, xtx.Length);
        if (double.IsNaN(DenseKernels.Cholesky(xtx, 0, P)))
        {
            throw new NmtInputException("The fixed-effect columns are linearly dependent (collinear), so their coefficients are not identifiable; remove a redundant term.");
        }
        DenseKernels.ForwardSolve(xtx, 0, P, xty, 0, 1);
        DenseKernels.BackSolveTransposed(xtx, 0, P, xty, 0, 1);
        return xty;
    }

    /// <summary>The upper triangle of XᵀX and Xᵀy over rows [from, to).</summary>
    private (double[] XtX, double[] Xty) OuterProducts(double[] x, double[] y, int from, int to)
    {
        var xtx = new double[P * P];
        var xty = new double[P];
        var xi = new double[P];
        for (var i = from; i < to; i++)
        {
            for (var j = 0; j < P; j++)
            {
                xi[j] = x[i + (j * N)];
            }
            AddOuterUpper(xtx, xi, y[i], xty);
        }
        return (xtx, xty);
    }

    private static void Add(double[] sum, double[] part)
    {
        for (var i = 0; i < sum.Length; i++)
        {
            sum[i] += part[i];
        }
    }

    private static void AddOuterUpper(double[] xtx, double[] xi, double yi, double[] xty)
    {
        var p = xi.Length;
        for (var j = 0; j < p; j++)
        {
            var v = xi[j];
            if (v == 0)
            {
                continue;
            }
            xty[j] += v * yi;
            for (var k = j; k < p; k++)
            {
                xtx[(j * p) + k] += v * xi[k];
            }
        }
    }

    private static void MirrorUpper(double[] a, int m)
    {
        for (var j = 0; j < m; j++)
        {
            for (var k = j + 1; k < m; k++)
            {
                a[(k * m) + j] = a[(j * m) + k];
            }
        }
    }

    private void AddPrimary(int g, double[] z1, double[] xi, double yi)
    {
        var ao = g * Q1 * Q1;
        var xo = g * Q1 * P;
        for (var a = 0; a < Q1; a++)
        {
            var za = z1[a];
            for (var b = 0; b < Q1; b++)
            {
                A11[ao + (a * Q1) + b] += za * z1[b];
            }
            for (var j = 0; j < P; j++)
            {
                ZtX1[xo + (a * P) + j] += za * xi[j];
            }
            Zty1[(g * Q1) + a] += za * yi;
        }
    }

    private void AddSecondary(int i, int k, int[][] idx, double[][] z, int[] q, double[] z1, double[] xi, double yi,
        Dictionary<long, int> couplings, List<double> couplingData)
    {
        var n = N;
        var unit = BlockUnitOffset[k] + idx[k][i];
        var row = UnitRow[unit];
        LevelEte[G + unit] += yi * yi;
        LevelCount[G + unit]++;
        var key = ((long)idx[0][i] * UnitBlock.Length) + unit;
        if (!couplings.TryGetValue(key, out var slot))
        {
            slot = couplingData.Count;
            couplings[key] = slot;
            couplingData.AddRange(new double[q[k] * Q1]);
        }
        for (var a = 0; a < q[k]; a++)
        {
            var za = z[k][i + (a * n)];
            for (var b = 0; b < Q1; b++)
            {
                couplingData[slot + (a * Q1) + b] += za * z1[b];
            }
            for (var j = 0; j < P; j++)
            {
                ZtX2[((row + a) * P) + j] += za * xi[j];
            }
            Zty2[row + a] += za * yi;
            for (var k2 = 1; k2 < idx.Length; k2++)
            {
                var row2 = UnitRow[BlockUnitOffset[k2] + idx[k2][i]];
                for (var b = 0; b < q[k2]; b++)
                {
                    A22[((row + a) * Q2) + row2 + b] += za * z[k2][i + (b * n)];
                }
            }
        }
    }

    private void BuildCoupling(Dictionary<long, int> couplings, List<double> couplingData)
    {
        var entries = couplings.Select(kv => (G: (int)(kv.Key / Math.Max(1, UnitBlock.Length)), Unit: (int)(kv.Key % Math.Max(1, UnitBlock.Length)), Slot: kv.Value))
            .OrderBy(e => e.G).ThenBy(e => e.Unit).ToArray();
        CoupledStart = new int[G + 1];
        CoupledUnits = new int[entries.Length];
        CoupledOffset = new int[entries.Length];
        CoupledBlocks = [.. couplingData];
        for (var e = 0; e < entries.Length; e++)
        {
            CoupledStart[entries[e].G + 1]++;
            CoupledUnits[e] = entries[e].Unit;
            CoupledOffset[e] = entries[e].Slot;
        }
        for (var g = 0; g < G; g++)
        {
            CoupledStart[g + 1] += CoupledStart[g];
        }
    }
}
