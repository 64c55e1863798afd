using Nmt.Analytics.Formulas;

namespace Nmt.Analytics.Models.Lmm;

/// <summary>
/// How θ maps onto the relative covariance factors: one lower-triangular q×q factor Tₖ per random-effects block,
/// filled column by column (lme4's <c>theta</c> order, Bates et al. 2015, JSS 67(1), sect. 2.2), with lower bound
/// 0 on diagonal elements and none elsewhere. Blocks are ordered as lme4 orders them: by decreasing number of levels.
/// </summary>
internal sealed class ThetaLayout
{
    public ThetaLayout(IReadOnlyList<RandomEffectBlock> blocks)
    {
        Blocks = blocks.Select((b, i) => (b, i)).OrderByDescending(t => t.b.Levels.Count).ThenBy(t => t.i).Select(t => t.b).ToArray();
        Offsets = new int[Blocks.Count];
        var lower = new List<double>();
        var names = new List<string>();
        for (var k = 0; k < Blocks.Count; k++)
        {
            Offsets[k] = lower.Count;
            var terms = Blocks[k].Terms;
            for (var j = 0; j < terms.Count; j++)
            {
                for (var i = j; i < terms.Count; i++)
                {
                    lower.Add(i == j ? 0 : double.NegativeInfinity);
                    names.Add(i == j ? $"{Blocks[k].Group}.{terms[i]}" : $"{Blocks[k].Group}.{terms[i]}.{terms[j]}");
                }
            }
        }
        LowerBounds = [.. lower];
        Names = names;
    }

    /// <summary>The blocks in θ order.</summary>
    public IReadOnlyList<RandomEffectBlock> Blocks { get; }

    /// <summary>Index of each block's first θ element.</summary>
    public int[] Offsets { get; }

    /// <summary>Lower bounds of θ (0 for diagonal elements).</summary>
    public double[] LowerBounds { get; }

    /// <summary>lme4-style θ names (<c>Subject.(Intercept)</c>, <c>Subject.Days.(Intercept)</c>, ...).</summary>
    public IReadOnlyList<string> Names { get; }

    public int Count => LowerBounds.Length;

    /// <summary>lme4's starting value: identity factors.</summary>
    public double[] Start() => LowerBounds.Select(b => b == 0 ? 1.0 : 0.0).ToArray();

    /// <summary>Tₖ (row-major q×q, lower-triangular) for block <paramref name="k"/>.</summary>
    public double[] Factor(int k, ReadOnlySpan<double> theta)
    {
        var q = Blocks[k].Terms.Count;
        var t = new double[q * q];
        var idx = Offsets[k];
        for (var j = 0; j < q; j++)
        {
            for (var i = j; i < q; i++)
            {
                t[(i * q) + j] = theta[idx++];
            }
        }
        return t;
    }
}
