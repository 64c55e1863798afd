namespace Nmt.Analytics.Models.Lmm;

/// <summary>
/// The symbolic structure of the secondary block of the blocked Cholesky factor, built once per fit and reused by
/// every deviance evaluation (as MixedModels.jl keeps the sparsity pattern of its blocked L; Bates, Alday, Kleinschmidt
/// et al., MixedModels.jl, <c>src/linalg/rankUpdate.jl</c>). After the primary factor's block-diagonal part is
/// eliminated, the secondary block is
/// M₂₂ = I + Λ₂ᵀ (A₂₂ − Σ_g C_gᵀ S_g C_g) Λ₂ with S_g = T₁ M_g⁻¹ T₁ᵀ (q₁×q₁) and C_g = Z₁ᵀZ₂ restricted to level g
/// of the primary factor, which is non-zero only at the few secondary units that level meets (in a crossed design,
/// the few lecturers a student rates). Instead of scattering each level's outer product into the dense q₂×q₂ matrix
/// (random access into a matrix that does not fit in cache), the pairs of secondary units (e, f), f ≤ e, that receive
/// any contribution — from A₂₂ or from a shared primary level — are listed once in row-major order, each with the list
/// of levels g that contribute; an evaluation then forms every target block as one short sum and writes it in order.
/// </summary>
internal sealed class SecondarySchurPattern
{
    private SecondarySchurPattern(int[] targetE, int[] targetF, int[] start, int[] level, int[] offsetE, int[] offsetF, double[]? product)
    {
        TargetE = targetE;
        TargetF = targetF;
        Start = start;
        Level = level;
        OffsetE = offsetE;
        OffsetF = offsetF;
        Product = product;
    }

    /// <summary>Secondary units (e, f) of each target block, f ≤ e in the secondary ordering, sorted row-major.</summary>
    public int[] TargetE { get; }
    public int[] TargetF { get; }

    /// <summary>CSR: the contributions to target t are <c>Start[t]..Start[t+1]</c>.</summary>
    public int[] Start { get; }

    /// <summary>Per contribution: the primary level g and the offsets of C_ge and C_gf in <see cref="CrossProducts.CoupledBlocks"/>.</summary>
    public int[] Level { get; }
    public int[] OffsetE { get; }
    public int[] OffsetF { get; }

    /// <summary>When every random effect is scalar: the product C_ge·C_gf of each contribution (the offsets are then unused).</summary>
    public double[]? Product { get; }

    /// <summary>Builds the pattern, or returns null when it would need more than <paramref name="maxContributions"/> entries.</summary>
    public static SecondarySchurPattern? TryBuild(CrossProducts c, ThetaLayout layout, long maxContributions = 30_000_000)
    {
        if (c.Q2 == 0)
        {
            return null;
        }
        long count = 0;
        for (var g = 0; g < c.G; g++)
        {
            long m = c.CoupledStart[g + 1] - c.CoupledStart[g];
            count += m * (m + 1) / 2;
        }
        if (count > maxContributions)
        {
            return null;
        }
        var contributions = Contributions(c, (int)count);
        var targets = new List<(int E, int F)>();
        var units = c.UnitBlock.Length;
        // One sort key per entry: the target pair, then the contribution's index (0 for a pair that only A₂₂ fills).
        var stride = (long)contributions.Length + 1;
        var keys = new List<long>(contributions.Length + units);
        foreach (var key in A22Pairs(c, layout))
        {
            keys.Add(key * stride);
        }
        for (var i = 0; i < contributions.Length; i++)
        {
            keys.Add((contributions[i].Key * stride) + i + 1);
        }
        var sorted = keys.ToArray();
        Array.Sort(sorted);
        var level = new List<int>(contributions.Length);
        var offE = new List<int>(contributions.Length);
        var offF = new List<int>(contributions.Length);
        var start = new List<int>();
        var scalar = c.Q1 == 1 && layout.Blocks.All(b => b.Terms.Count == 1);
        var product = scalar ? new List<double>(contributions.Length) : null;
        var last = -1L;
        foreach (var sortKey in sorted)
        {
            var key = sortKey / stride;
            var index = (int)(sortKey % stride) - 1;
            if (key != last)
            {
                targets.Add(((int)(key / units), (int)(key % units)));
                start.Add(level.Count);
                last = key;
            }
            if (index < 0)
            {
                continue;
            }
            var (_, g, oe, of) = contributions[index];
            level.Add(g);
            offE.Add(oe);
            offF.Add(of);
            product?.Add(c.CoupledBlocks[oe] * c.CoupledBlocks[of]);
        }
        start.Add(level.Count);
        return new SecondarySchurPattern([.. targets.Select(t => t.E)], [.. targets.Select(t => t.F)], [.. start],
            [.. level], [.. offE], [.. offF], product?.ToArray());
    }

    /// <summary>Every pair of units (e, f), f ≤ e, that share a primary level, with that level and their coupling blocks.</summary>
    private static (long Key, int G, int OffsetE, int OffsetF)[] Contributions(CrossProducts c, int count)
    {
        var units = (long)c.UnitBlock.Length;
        var list = new (long, int, int, int)[count];
        var n = 0;
        for (var g = 0; g < c.G; g++)
        {
            for (var e = c.CoupledStart[g]; e < c.CoupledStart[g + 1]; e++)
            {
                var ue = c.CoupledUnits[e];
                for (var f = c.CoupledStart[g]; f <= e; f++)
                {
                    var uf = c.CoupledUnits[f];
                    // Units are sorted within a level, so uf ≤ ue: (ue, uf) is in the lower triangle.
                    list[n++] = ((ue * units) + uf, g, c.CoupledOffset[e], c.CoupledOffset[f]);
                }
            }
        }
        return list;
    }

    /// <summary>Unit pairs (e, f), f ≤ e, where A₂₂ has a non-zero block (including every diagonal block).</summary>
    private static IEnumerable<long> A22Pairs(CrossProducts c, ThetaLayout layout)
    {
        var units = c.UnitBlock.Length;
        for (var e = 0; e < units; e++)
        {
            int re = c.UnitRow[e], qe = layout.Blocks[c.UnitBlock[e]].Terms.Count;
            for (var f = 0; f <= e; f++)
            {
                int rf = c.UnitRow[f], qf = layout.Blocks[c.UnitBlock[f]].Terms.Count;
                if (e == f || NonZero(c.A22, c.Q2, re, qe, rf, qf))
                {
                    yield return ((long)e * units) + f;
                }
            }
        }
    }

    private static bool NonZero(double[] a, int q2, int re, int qe, int rf, int qf)
    {
        for (var a0 = 0; a0 < qe; a0++)
        {
            for (var b = 0; b < qf; b++)
            {
                if (a[((re + a0) * q2) + rf + b] != 0)
                {
                    return true;
                }
            }
        }
        return false;
    }
}
