using Nmt.Analytics.Formulas;

namespace Nmt.Analytics.Models.Lmm;

/// <summary>The same statistics assembled from per-cell sums computed elsewhere (a SQL engine, summary files).</summary>
internal sealed partial class CrossProducts
{
    /// <summary>
    /// Builds the statistics from <paramref name="cells"/>; <paramref name="formulaBlocks"/> are the random-effects
    /// blocks in formula order (their <see cref="RandomEffectBlock.Levels"/> name the cells' level indices). The rows'
    /// shift by the OLS fit y − Xγ (see <see cref="Gamma"/>) is applied to the sums: Zᵀ(y − Xγ) = Zᵀy − ZᵀXγ.
    /// </summary>
    public CrossProducts(CrossProductCells cells, IReadOnlyList<RandomEffectBlock> formulaBlocks, ThetaLayout layout, int maxSecondary)
        : this(cells.N, cells.P, layout, maxSecondary)
    {
        Array.Copy(cells.XtX, XtX, XtX.Length);
        Gamma = SolveNormalEquations(cells.XtX, cells.Xty, P);
        var xtGamma = new double[P];
        for (var j = 0; j < P; j++)
        {
            for (var k = 0; k < P; k++)
            {
                xtGamma[j] += cells.XtX[(j * P) + k] * Gamma[k];
            }
            Xty[j] = cells.Xty[j] - xtGamma[j];
        }
        Yty = cells.Yty - (2 * Dot(Gamma, cells.Xty)) + Dot(Gamma, xtGamma);
        var order = layout.Blocks.Select(b => IndexOf(formulaBlocks, b)).ToArray();
        var columnOffset = new int[formulaBlocks.Count];
        for (var b = 1; b < formulaBlocks.Count; b++)
        {
            columnOffset[b] = columnOffset[b - 1] + formulaBlocks[b - 1].Terms.Count;
        }
        var q = layout.Blocks.Select(b => b.Terms.Count).ToArray();
        var couplings = new Dictionary<long, int>();
        var couplingData = new List<double>();
        var zty = new double[cells.R];
        for (var c = 0; c < cells.Count; c++)
        {
            for (var a = 0; a < cells.R; a++)
            {
                zty[a] = cells.Zty[(c * cells.R) + a] - Dot(cells.ZtX.AsSpan(((c * cells.R) + a) * P, P), Gamma);
            }
            AddCell(cells, c, order, q, columnOffset, zty, couplings, couplingData);
        }
        BuildCoupling(couplings, couplingData);
    }

    private static int IndexOf(IReadOnlyList<RandomEffectBlock> blocks, RandomEffectBlock block)
    {
        for (var b = 0; b < blocks.Count; b++)
        {
            if (ReferenceEquals(blocks[b], block))
            {
                return b;
            }
        }
        throw new ArgumentException("The layout's blocks must be the formula's blocks.", nameof(blocks));
    }

    private static double Dot(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        var s = 0.0;
        for (var i = 0; i < a.Length; i++)
        {
            s += a[i] * b[i];
        }
        return s;
    }

    private static double[] SolveNormalEquations(double[] xtx, double[] xty, int p)
    {
        var l = (double[])xtx.Clone();
        if (double.IsNaN(DenseKernels.Cholesky(l, 0, p)))
        {
            throw new NmtInputException("The fixed-effect columns are linearly dependent (collinear), so their coefficients are not identifiable; remove a redundant term.");
        }
        var gamma = (double[])xty.Clone();
        DenseKernels.ForwardSolve(l, 0, p, gamma, 0, 1);
        DenseKernels.BackSolveTransposed(l, 0, p, gamma, 0, 1);
        return gamma;
    }

    /// <summary>Adds one cell's sums to its primary level, its secondary units, their products and their coupling.</summary>
    private void AddCell(CrossProductCells cells, int c, int[] order, int[] q, int[] columnOffset, double[] zty, Dictionary<long, int> couplings, List<double> couplingData)
    {
        int r = cells.R, p = P, o1 = columnOffset[order[0]];
        var ztz = cells.ZtZ.AsSpan(c * r * r, r * r);
        var ztx = cells.ZtX.AsSpan(c * r * p, r * p);
        var g = cells.Levels[order[0]][c];
        for (var a = 0; a < Q1; a++)
        {
            for (var b = 0; b < Q1; b++)
            {
                A11[(g * Q1 * Q1) + (a * Q1) + b] += ztz[((o1 + a) * r) + o1 + b];
            }
            for (var j = 0; j < p; j++)
            {
                ZtX1[(((g * Q1) + a) * p) + j] += ztx[((o1 + a) * p) + j];
            }
            Zty1[(g * Q1) + a] += zty[o1 + a];
        }
        for (var k = 1; k < order.Length; k++)
        {
            var ok = columnOffset[order[k]];
            var unit = BlockUnitOffset[k] + cells.Levels[order[k]][c];
            var row = UnitRow[unit];
            var key = ((long)g * UnitBlock.Length) + unit;
            if (!couplings.TryGetValue(key, out var slot))
            {
                slot = couplingData.Count;
                couplings[key] = slot;
                couplingData.AddRange(new double[q[k] * Q1]);
            }
            for (var a = 0; a < q[k]; a++)
            {
                for (var b = 0; b < Q1; b++)
                {
                    couplingData[slot + (a * Q1) + b] += ztz[((ok + a) * r) + o1 + b];
                }
                for (var j = 0; j < p; j++)
                {
                    ZtX2[((row + a) * p) + j] += ztx[((ok + a) * p) + j];
                }
                Zty2[row + a] += zty[ok + a];
                for (var k2 = 1; k2 < order.Length; k2++)
                {
                    var ok2 = columnOffset[order[k2]];
                    var row2 = UnitRow[BlockUnitOffset[k2] + cells.Levels[order[k2]][c]];
                    for (var b = 0; b < q[k2]; b++)
                    {
                        A22[((row + a) * Q2) + row2 + b] += ztz[((ok + a) * r) + ok2 + b];
                    }
                }
            }
        }
    }
}
