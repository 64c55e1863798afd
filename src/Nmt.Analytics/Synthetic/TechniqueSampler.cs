namespace Nmt.Analytics.Synthetic;

using P = PlantedParameters;
using S = SimulationCodes;

/// <summary>
/// Draws a session's techniques: 1, 2 or 3 codes (probabilities 0.45/0.40/0.15) without replacement, in proportion to
/// fixed weights, independent of the client, clinic and session ("as if randomised"). INIT already contains ischemic
/// compression, positional release and MET, so a session coded <c>init</c> never also lists those three.
/// Equal code sets share one array (read-only by convention).
/// </summary>
internal sealed class TechniqueSampler
{
    private static readonly int InitIndex = IndexOf("init");
    private static readonly int[] ComponentIndices = S.InitComponents.Select(IndexOf).ToArray();
    private readonly Dictionary<int, string[]> _sets = [];

    public string[] Draw(SimulationRandom random)
    {
        var count = 1 + random.Choose(P.TechniqueCountWeights);
        var weights = (double[])P.TechniqueWeights.Clone();
        var mask = 0;
        for (var k = 0; k < count && weights.Any(w => w > 0); k++)
        {
            var pick = random.Choose(weights);
            mask |= 1 << pick;
            weights[pick] = 0;
            Exclude(weights, pick);
        }
        return SetOf(mask);
    }

    /// <summary>The planted immediate effect of a code set: the sum of its techniques' effects (additive indicators).</summary>
    public static double Effect(IReadOnlyList<string> codes)
    {
        var sum = 0.0;
        foreach (var code in codes)
        {
            sum += P.ChangeTechnique[code];
        }
        return sum;
    }

    private static void Exclude(double[] weights, int pick)
    {
        if (pick == InitIndex)
        {
            foreach (var c in ComponentIndices)
            {
                weights[c] = 0;
            }
        }
        else if (Array.IndexOf(ComponentIndices, pick) >= 0)
        {
            weights[InitIndex] = 0;
        }
    }

    private string[] SetOf(int mask)
    {
        if (!_sets.TryGetValue(mask, out var set))
        {
            set = Enumerable.Range(0, S.Techniques.Count).Where(i => (mask & (1 << i)) != 0).Select(i => S.Techniques[i]).ToArray();
            _sets[mask] = set;
        }
        return set;
    }

    private static int IndexOf(string code)
    {
        for (var i = 0; i < S.Techniques.Count; i++)
        {
            if (S.Techniques[i] == code)
            {
                return i;
            }
        }
        throw new InvalidOperationException($"unknown technique {code}");
    }
}
