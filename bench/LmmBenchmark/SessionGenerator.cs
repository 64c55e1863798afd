using System.Globalization;
using System.Text;

namespace LmmBenchmark;

/// <summary>
/// Writes the benchmark data: clients × sessions rows with a correlated random intercept and session slope per client.
/// Planted truth: pain = 6 − 0.25·session + technique effect (0, −0.3, −0.5, 0.2) + 0.15·stress − 0.2·hydration
/// + b₀ + b₁·session + ε, with SD(b₀) = 1.0, SD(b₁) = 0.15, corr(b₀, b₁) = −0.3, SD(ε) = 0.8.
/// </summary>
internal static class SessionGenerator
{
    private static readonly string[] Techniques = ["ischemic_compression", "muscle_energy", "positional_release", "strain_counterstrain"];
    private static readonly double[] TechniqueEffect = [0, -0.3, -0.5, 0.2];

    public static void Write(string path, int clients, int sessions, int seed)
    {
        var rng = new Random(seed);
        using var writer = new StreamWriter(path, false, new UTF8Encoding(false), 1 << 20);
        writer.Write("client_id,session,technique,stress,hydration,pain\n");
        var sb = new StringBuilder();
        for (var c = 0; c < clients; c++)
        {
            var z0 = Gaussian(rng);
            var z1 = Gaussian(rng);
            var b0 = 1.0 * z0;
            var b1 = 0.15 * ((-0.3 * z0) + (Math.Sqrt(1 - 0.09) * z1));
            var id = "c" + (c + 1).ToString("D6", CultureInfo.InvariantCulture);
            for (var s = 1; s <= sessions; s++)
            {
                var t = rng.Next(Techniques.Length);
                var stress = Math.Round(Math.Clamp(5 + (2 * Gaussian(rng)), 0, 10), 1);
                var hydration = Math.Round(Math.Clamp(2 + (0.5 * Gaussian(rng)), 0.5, 4), 2);
                var pain = 6 - (0.25 * s) + TechniqueEffect[t] + (0.15 * stress) - (0.2 * hydration) + b0 + (b1 * s) + (0.8 * Gaussian(rng));
                sb.Clear();
                sb.Append(id).Append(',').Append(s.ToString(CultureInfo.InvariantCulture)).Append(',').Append(Techniques[t]).Append(',')
                  .Append(stress.ToString(CultureInfo.InvariantCulture)).Append(',').Append(hydration.ToString(CultureInfo.InvariantCulture)).Append(',')
                  .Append(Math.Round(pain, 3).ToString(CultureInfo.InvariantCulture)).Append('\n');
                writer.Write(sb);
            }
        }
    }

    private static double Gaussian(Random rng) =>
        Math.Sqrt(-2 * Math.Log(1 - rng.NextDouble())) * Math.Cos(2 * Math.PI * rng.NextDouble());
}
