namespace Nmt.Analytics.Models.Lmm;

/// <summary>
/// Levels of the (single) grouping factor that share the same ZᵢᵀZᵢ — e.g. all clients with sessions 1..10 under
/// <c>(session | client_id)</c> — have the same per-level factor Mᵢ = TᵀZᵢᵀZᵢT + I for every θ. Since the profiled
/// deviance needs the levels only through Σᵢ vᵢᵀ T Mᵢ⁻¹ Tᵀ vᵢ with vᵢ = Zᵢᵀ[X y] (Bates et al. 2015, JSS 67(1),
/// eqs. 18–20, with R_ZX = L⁻¹ΛᵀZᵀX), the second moments of vᵢ can be summed once per class. A deviance evaluation
/// then costs O(classes) instead of O(levels); used only when the classes are few and the moments fit in memory.
/// </summary>
internal sealed class DesignClasses
{
    private DesignClasses(int q, int width, double[] a, int[] counts, double[] moments)
    {
        Q = q;
        Width = width;
        A = a;
        Counts = counts;
        Moments = moments;
    }

    public int Q { get; }

    /// <summary>p + 1: the columns of X followed by y.</summary>
    public int Width { get; }

    public int Count => Counts.Length;

    /// <summary>ZᵢᵀZᵢ of each class (q×q row-major, concatenated).</summary>
    public double[] A { get; }

    /// <summary>Number of levels in each class.</summary>
    public int[] Counts { get; }

    /// <summary>Per class and term pair (a, b): Σᵢ vᵢ[a]ᵀ vᵢ[b], a Width×Width block, row-major.</summary>
    public double[] Moments { get; }

    /// <summary>Groups the levels, or returns null if the classes are too many to be worthwhile.</summary>
    public static DesignClasses? TryBuild(CrossProducts c, long maxMomentValues = 8_000_000)
    {
        if (c.Q2 > 0)
        {
            return null;
        }
        int q = c.Q1, p = c.P, w = p + 1, qq = q * q;
        var classOf = new Dictionary<ClassKey, int>();
        var assignment = new int[c.G];
        for (var g = 0; g < c.G; g++)
        {
            var k = new ClassKey(c.A11, g * qq, qq);
            if (!classOf.TryGetValue(k, out var cls))
            {
                cls = classOf.Count;
                classOf[k] = cls;
                if ((long)classOf.Count * qq * w * w > maxMomentValues || classOf.Count > (c.G / 4) + 1)
                {
                    return null;
                }
            }
            assignment[g] = cls;
        }
        var count = classOf.Count;
        var a = new double[count * qq];
        var counts = new int[count];
        var moments = new double[(long)count * qq * w * w];
        var v = new double[q * w];
        for (var g = 0; g < c.G; g++)
        {
            var cls = assignment[g];
            if (counts[cls]++ == 0)
            {
                Array.Copy(c.A11, g * qq, a, cls * qq, qq);
            }
            for (var i = 0; i < q; i++)
            {
                Array.Copy(c.ZtX1, ((g * q) + i) * p, v, i * w, p);
                v[(i * w) + p] = c.Zty1[(g * q) + i];
            }
            AddMoments(moments, cls, q, w, v);
        }
        return new DesignClasses(q, w, a, counts, moments);
    }

    /// <summary>A level's ZᵢᵀZᵢ as a dictionary key (exact bitwise equality of the values).</summary>
    private readonly struct ClassKey(double[] values, int offset, int length) : IEquatable<ClassKey>
    {
        public bool Equals(ClassKey other) =>
            values.AsSpan(offset, length).SequenceEqual(other.Values.AsSpan(other.Offset, other.Length));

        public override bool Equals(object? obj) => obj is ClassKey k && Equals(k);

        public override int GetHashCode()
        {
            var h = new HashCode();
            for (var i = 0; i < length; i++)
            {
                h.Add(values[offset + i]);
            }
            return h.ToHashCode();
        }

        private double[] Values => values;
        private int Offset => offset;
        private int Length => length;
    }

    private static void AddMoments(double[] moments, int cls, int q, int w, double[] v)
    {
        for (var i = 0; i < q; i++)
        {
            for (var j = 0; j < q; j++)
            {
                var o = (((cls * q * q) + (i * q) + j) * w) * w;
                for (var r = 0; r < w; r++)
                {
                    var vr = v[(i * w) + r];
                    if (vr == 0)
                    {
                        continue;
                    }
                    for (var s = 0; s < w; s++)
                    {
                        moments[o + (r * w) + s] += vr * v[(j * w) + s];
                    }
                }
            }
        }
    }
}
