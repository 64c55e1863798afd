using Nmt.Analytics.Data;

namespace Nmt.Analytics.Tests.Prediction;

/// <summary>
/// SMALL test-only session generator with planted drivers (not the product simulator):
/// per session, pain_change = −0.5 + 0.35·(stress − 5) − 0.8·(hydration − 2) − 1.2·[ischemic_compression] + u_client + ε,
/// u_client ~ N(0, 0.4²), ε ~ N(0, 0.6²). So stress is monotone harmful, hydration helpful, ischemic compression
/// helpful. Pure noise: <c>nutrition</c> (numeric), <c>sex</c> and <c>age_band</c> (categorical), <c>noise</c> (numeric),
/// the other techniques. Stress and hydration are client traits with small session-to-session jitter; ~5 % of stress is missing.
/// </summary>
internal static class TestSessions
{
    public static readonly string[] Techniques = ["ischemic_compression", "muscle_energy", "positional_release", "strain_counterstrain"];

    public static ColumnTable Generate(int clients, int seed)
    {
        var random = new Random(seed);
        var rows = new List<Row>();
        for (var c = 0; c < clients; c++)
        {
            AddClient(rows, c, random);
        }
        return ToTable(rows);
    }

    private static void AddClient(List<Row> rows, int c, Random random)
    {
        var stress = random.NextDouble() * 10;
        var hydration = 0.5 + (random.NextDouble() * 3);
        var sleep = 4 + (random.NextDouble() * 5);
        var sex = random.Next(2) == 0 ? "F" : "M";
        var age = new[] { "18-29", "30-39", "40-49", "50-59" }[random.Next(4)];
        var region = new[] { "cervical", "lumbar", "shoulder" }[random.Next(3)];
        var u = Normal(random) * 0.4;
        var sessions = 3 + random.Next(4);
        var pre = 5 + (random.NextDouble() * 4);
        for (var s = 1; s <= sessions; s++)
        {
            var st = Math.Clamp(stress + (Normal(random) * 0.3), 0, 10);
            var hy = Math.Max(0.2, hydration + (Normal(random) * 0.1));
            var codes = Techniques.Where(_ => random.NextDouble() < 0.4).ToArray();
            var ischemic = codes.Contains("ischemic_compression") ? 1 : 0;
            var change = -0.5 + (0.35 * (st - 5)) - (0.8 * (hy - 2)) - (1.2 * ischemic) + u + (Normal(random) * 0.6);
            var post = Math.Clamp(pre + change, 0, 10);
            var missingStress = random.NextDouble() < 0.05;
            rows.Add(new Row($"C{c:D4}", $"K{c % 6}", s, region, codes, pre, post, age, sex, missingStress ? double.NaN : st, hy, sleep,
                1 + random.Next(5), random.NextDouble()));
            pre = Math.Clamp(post + 0.2, 0, 10);
        }
    }

    private static double Normal(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());

    private static ColumnTable ToTable(List<Row> rows) => new(
    [
        new TextColumn("client_id", rows.Select(r => (string?)r.Client).ToArray()),
        new TextColumn("clinic_id", rows.Select(r => (string?)r.Clinic).ToArray()),
        new NumericColumn("session", rows.Select(r => (double)r.Session).ToArray()),
        new TextColumn("region", rows.Select(r => (string?)r.Region).ToArray()),
        new CodeSetColumn("techniques", rows.Select(r => (string[]?)r.Techniques).ToArray()),
        new NumericColumn("pain_pre", rows.Select(r => r.Pre).ToArray()),
        new NumericColumn("pain_post", rows.Select(r => r.Post).ToArray()),
        new TextColumn("age_band", rows.Select(r => (string?)r.Age).ToArray()),
        new TextColumn("sex", rows.Select(r => (string?)r.Sex).ToArray()),
        new NumericColumn("stress", rows.Select(r => r.Stress).ToArray()),
        new NumericColumn("hydration", rows.Select(r => r.Hydration).ToArray()),
        new NumericColumn("sleep_hours", rows.Select(r => r.Sleep).ToArray()),
        new NumericColumn("nutrition", rows.Select(r => (double)r.Nutrition).ToArray()),
        new NumericColumn("noise", rows.Select(r => r.Noise).ToArray()),
    ]);

    private sealed record Row(string Client, string Clinic, int Session, string Region, string[] Techniques, double Pre, double Post,
        string Age, string Sex, double Stress, double Hydration, double Sleep, int Nutrition, double Noise);
}
