namespace Nmt.Analytics.Synthetic;

/// <summary>
/// The simulator's pseudo-random generator: xoshiro256** (Blackman &amp; Vigna 2021, ACM TOMS 47(4), art. 36)
/// seeded through SplitMix64 from (seed, stream). Each client draws from its own stream, so the output depends
/// only on the seed and the options, never on thread timing or the .NET version.
/// </summary>
internal sealed class SimulationRandom
{
    private const ulong GoldenGamma = 0x9E3779B97F4A7C15UL;
    private ulong _s0;
    private ulong _s1;
    private ulong _s2;
    private ulong _s3;

    /// <summary>Creates the generator of stream <paramref name="stream"/> under <paramref name="seed"/>.</summary>
    public SimulationRandom(long seed, long stream)
    {
        var state = SplitMix((ulong)seed) + ((ulong)stream * GoldenGamma);
        _s0 = NextSplitMix(ref state);
        _s1 = NextSplitMix(ref state);
        _s2 = NextSplitMix(ref state);
        _s3 = NextSplitMix(ref state);
    }

    /// <summary>Next 64 random bits.</summary>
    public ulong NextBits()
    {
        var result = ulong.RotateLeft(_s1 * 5, 7) * 9;
        var t = _s1 << 17;
        _s2 ^= _s0;
        _s3 ^= _s1;
        _s1 ^= _s2;
        _s0 ^= _s3;
        _s2 ^= t;
        _s3 = ulong.RotateLeft(_s3, 45);
        return result;
    }

    /// <summary>Uniform on [0, 1) with 53 random bits.</summary>
    public double NextDouble() => (NextBits() >> 11) * (1.0 / (1UL << 53));

    /// <summary>Standard normal by Box–Muller (one value per two uniforms, no caching).</summary>
    public double NextNormal()
    {
        var u1 = 1.0 - NextDouble();
        var u2 = NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }

    /// <summary>Normal with the given mean and standard deviation.</summary>
    public double NextNormal(double mean, double sd) => mean + (sd * NextNormal());

    /// <summary>Uniform integer in [<paramref name="low"/>, <paramref name="high"/>] (both inclusive).</summary>
    public int NextInt(int low, int high) => low + (int)(NextDouble() * (high - low + 1));

    /// <summary>True with probability <paramref name="p"/>.</summary>
    public bool Bernoulli(double p) => NextDouble() < p;

    /// <summary>An index drawn with probability proportional to <paramref name="weights"/>.</summary>
    public int Choose(IReadOnlyList<double> weights)
    {
        var total = 0.0;
        for (var i = 0; i < weights.Count; i++)
        {
            total += weights[i];
        }
        var u = NextDouble() * total;
        for (var i = 0; i < weights.Count; i++)
        {
            u -= weights[i];
            if (u < 0)
            {
                return i;
            }
        }
        return weights.Count - 1;
    }

    /// <summary>Poisson count by Knuth's multiplication method (fine for the small means used here).</summary>
    public int NextPoisson(double mean)
    {
        var limit = Math.Exp(-mean);
        var product = NextDouble();
        var count = 0;
        while (product > limit)
        {
            product *= NextDouble();
            count++;
        }
        return count;
    }

    private static ulong SplitMix(ulong x)
    {
        var state = x;
        return NextSplitMix(ref state);
    }

    // SplitMix64 (Steele, Lea & Flood 2014), the seeding generator recommended for xoshiro.
    private static ulong NextSplitMix(ref ulong state)
    {
        state += GoldenGamma;
        var z = state;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
