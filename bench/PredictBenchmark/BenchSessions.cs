using Nmt.Analytics.Data;

namespace Nmt.Analytics.Bench.Predict;

/// <summary>
/// Fast columnar generator of large session tables with planted drivers (same model as the Prediction tests):
/// pain_change = −0.5 + 0.35·(stress − 5) − 0.8·(hydration − 2) − 1.2·[ischemic_compression] + u_client + ε.
/// </summary>
internal static class BenchSessions
{
    private static readonly string[] Techniques = ["ischemic_compression", "muscle_energy", "positional_release", "strain_counterstrain"];
    private static readonly string[] Regions = ["cervical", "lumbar", "shoulder", "thoracic", "knee"];
    private static readonly string[] AgeBands = ["18-29", "30-39", "40-49", "50-59", "60-69"];
    private static readonly string[] Conditions = ["neck_pain", "low_back_pain", "headache", "shoulder_pain"];

    public static ColumnTable Generate(int sessions, int seed)
    {
        var random = new Random(seed);
        var client = new string?[sessions];
        var session = new double[sessions];
        var region = new string?[sessions];
        var condition = new string?[sessions];
        var techniques = new string[]?[sessions];
        var pre = new double[sessions];
        var post = new double[sessions];
        var age = new string?[sessions];
        var sex = new string?[sessions];
        var stress = new double[sessions];
        var hydration = new double[sessions];
        var sleep = new double[sessions];
        var nutrition = new double[sessions];
        var row = 0;
        for (var c = 0; row < sessions; c++)
        {
            var id = "C" + c.ToString("D7", System.Globalization.CultureInfo.InvariantCulture);
            var (st, hy, sl) = (random.NextDouble() * 10, 0.5 + (random.NextDouble() * 3), 4 + (random.NextDouble() * 5));
            var (rg, cd, ag, sx) = (Regions[random.Next(5)], Conditions[random.Next(4)], AgeBands[random.Next(5)], random.Next(2) == 0 ? "F" : "M");
            var u = Normal(random) * 0.4;
            var p = 5 + (random.NextDouble() * 4);
            var n = Math.Min(3 + random.Next(5), sessions - row);
            for (var s = 1; s <= n; s++, row++)
            {
                var codes = Techniques.Where(_ => random.NextDouble() < 0.4).ToArray();
                var stressNow = Math.Clamp(st + (Normal(random) * 0.3), 0, 10);
                var change = -0.5 + (0.35 * (stressNow - 5)) - (0.8 * (hy - 2)) - (1.2 * (codes.Contains("ischemic_compression") ? 1 : 0)) + u + (Normal(random) * 0.6);
                (client[row], session[row], region[row], condition[row], techniques[row], age[row], sex[row]) = (id, s, rg, cd, codes, ag, sx);
                (pre[row], post[row]) = (p, Math.Clamp(p + change, 0, 10));
                stress[row] = random.NextDouble() < 0.05 ? double.NaN : stressNow;
                (hydration[row], sleep[row], nutrition[row]) = (hy, sl, 1 + random.Next(5));
                p = Math.Clamp(post[row] + 0.2, 0, 10);
            }
        }
        return new ColumnTable(
        [
            new TextColumn("client_id", client), new NumericColumn("session", session), new TextColumn("region", region),
            new CodeSetColumn("techniques", techniques), new NumericColumn("pain_pre", pre), new NumericColumn("pain_post", post),
            new TextColumn("age_band", age), new TextColumn("sex", sex), new TextColumn("condition", condition),
            new NumericColumn("stress", stress), new NumericColumn("hydration", hydration), new NumericColumn("sleep_hours", sleep),
            new NumericColumn("nutrition", nutrition),
        ]);
    }

    private static double Normal(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
