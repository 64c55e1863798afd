using Nmt.Analytics.Data;

namespace Nmt.Analytics.Tests.Outcomes;

/// <summary>Builds small in-memory session tables with the contract column names.</summary>
internal sealed class SessionTableBuilder
{
    private readonly List<(string Client, string Clinic, double Session, string Region, string[]? Techniques, double Pre, double Post, double Stress)> _rows = [];

    public SessionTableBuilder Add(string client, double session, double pre, double post, string region = "lumbar",
        string[]? techniques = null, double stress = 5, string clinic = "c1")
    {
        _rows.Add((client, clinic, session, region, techniques ?? ["ischemic_compression"], pre, post, stress));
        return this;
    }

    public ColumnTable Build() => new(
    [
        new TextColumn("client_id", _rows.Select(r => (string?)r.Client).ToArray()),
        new TextColumn("clinic_id", _rows.Select(r => (string?)r.Clinic).ToArray()),
        new NumericColumn("session", _rows.Select(r => r.Session).ToArray()),
        new NumericColumn("day", _rows.Select(r => 7 * (r.Session - 1)).ToArray()),
        new TextColumn("region", _rows.Select(r => (string?)r.Region).ToArray()),
        new CodeSetColumn("techniques", _rows.Select(r => r.Techniques).ToArray()),
        new NumericColumn("pain_pre", _rows.Select(r => r.Pre).ToArray()),
        new NumericColumn("pain_post", _rows.Select(r => r.Post).ToArray()),
        new NumericColumn("stress", _rows.Select(r => r.Stress).ToArray()),
    ]);

    /// <summary>A table of <paramref name="clients"/> clients with <paramref name="sessions"/> sessions each, deterministic values.</summary>
    public static ColumnTable Many(int clients, int sessions, int seed = 7)
    {
        var random = new Random(seed);
        var builder = new SessionTableBuilder();
        string[][] techniques = [["ischemic_compression"], ["muscle_energy"], ["ischemic_compression", "positional_release"]];
        for (var c = 0; c < clients; c++)
        {
            var clientEffect = random.NextDouble() * 2;
            for (var s = 1; s <= sessions; s++)
            {
                var pre = Math.Round(4 + (random.NextDouble() * 5));
                var post = Math.Max(0, Math.Round(pre - clientEffect - random.NextDouble() * 2));
                builder.Add($"k{c}", s, pre, post, c % 2 == 0 ? "lumbar" : "cervical", techniques[(c + s) % 3], s % 10, $"clinic{c % 3}");
            }
        }
        return builder.Build();
    }
}
