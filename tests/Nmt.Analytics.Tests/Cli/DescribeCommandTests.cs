using Nmt.Analytics.Cli;
using Nmt.Analytics.Data;
using Nmt.Analytics.Outcomes;
using SessionTableBuilder = Nmt.Analytics.Tests.Outcomes.SessionTableBuilder;

namespace Nmt.Analytics.Tests.Cli;

public class DescribeCommandTests
{
    private static readonly ColumnTable Sessions = SessionTableBuilder.Many(clients: 24, sessions: 3);

    [Fact]
    public void Analyse_all_gives_summary_episodes_and_effect_sizes_and_skips_absent_columns()
    {
        var tables = Analyse(Sessions, DescriptiveAnalysis.ParseGroupings("all"), SummaryOptions.Default);
        Assert.Equal(3, tables.Count);
        var groups = tables[0].Rows.Select(r => (string?)r[0]).Distinct().ToArray();
        Assert.Equal(new string?[] { "overall", "technique", "technique_alone", "region", "stress", "clinic" }, groups);
        Assert.Contains(tables[0].Notes, n => n.Contains("No 'hydration' column", StringComparison.Ordinal));
        Assert.Equal(72, tables[0][0, "n_sessions"]);
        Assert.Equal(24, tables[1][0, "n_clients"]);
        Assert.Contains(tables[1].Notes, n => n.Contains("Farrar", StringComparison.Ordinal));
        Assert.Equal(8, tables[2].Rows.Count);
        var episodeDz = tables[2].Rows.First(r => (string?)r[0] == "episode" && (string?)r[1] == "d_z");
        var expected = PairedEffectSize.Compute(EpisodeTable.Build(Sessions).Episodes.Numeric("first_pain_pre").Values,
            EpisodeTable.Build(Sessions).Episodes.Numeric("last_pain_post").Values);
        Assert.Equal(expected.Dz, episodeDz[2]);
        Assert.True(expected.Dz < 0); // simulated clients improve
    }

    [Fact]
    public void Requesting_an_absent_grouping_names_the_missing_column()
    {
        var e = Assert.Throws<NmtInputException>(() => Analyse(Sessions, DescriptiveAnalysis.ParseGroupings("sleep"), SummaryOptions.Default));
        Assert.Contains("unknown column 'sleep_hours'", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_by_value_suggests_the_closest()
    {
        var e = Assert.Throws<NmtInputException>(() => DescriptiveAnalysis.ParseGroupings("regoin"));
        Assert.Contains("Did you mean 'region'?", e.Message, StringComparison.Ordinal);
        Assert.Equal(["technique", "clinic"], DescriptiveAnalysis.ParseGroupings("technique, clinic")!);
    }

    [Fact]
    public void Small_data_is_suppressed_everywhere_by_default()
    {
        var small = SessionTableBuilder.Many(clients: 5, sessions: 2);
        var tables = Analyse(small, null, SummaryOptions.Default);
        Assert.All(tables[0].Rows, r => Assert.Equal(true, r[^1]));
        Assert.All(tables[1].Rows, r => Assert.Equal(true, r[^1]));
        Assert.Empty(tables[2].Rows);
        Assert.Contains(tables[2].Notes, n => n.Contains("Suppressed: fewer than the minimum of 11 clients", StringComparison.Ordinal));
        Assert.DoesNotContain(tables[2].Notes, n => n.Contains('5', StringComparison.Ordinal)); // the count of a small cell is not published
    }

    [Fact]
    public void Json_output_has_the_three_keys_and_nulls_for_suppressed_cells()
    {
        var json = DescriptiveAnalysis.Run(Sessions, ["region"], new SummaryOptions(MinClients: 13)).ToJson();
        Assert.Equal(["pain_change", "episodes", "effect_sizes"], json.Select(p => p.Key).ToArray());
        var lumbar = json["pain_change"]!.AsArray().First(r => (string?)r!["level"] == "lumbar")!;
        Assert.Null(lumbar["n_clients"]); // 12 clients < 13: no figure, counts included
        Assert.Null(lumbar["n_sessions"]);
        Assert.Null(lumbar["mean"]);
        Assert.True((bool)lumbar["suppressed"]!);
    }

    [Fact]
    public void Cli_reports_bad_options_and_unwired_loading_as_user_errors()
    {
        var error = new StringWriter();
        Assert.Equal(1, NmtCli.Run(["describe", "data.csv", "--bootstrap", "-5"], new StringWriter(), error));
        Assert.Contains("--bootstrap must be 0", error.ToString(), StringComparison.Ordinal);
        error = new StringWriter();
        Assert.Equal(1, NmtCli.Run(["describe", "data.csv", "--by", "stres"], new StringWriter(), error));
        Assert.Contains("Did you mean 'stress'?", error.ToString(), StringComparison.Ordinal);
    }

    private static IReadOnlyList<Nmt.Analytics.Results.ResultTable> Analyse(ColumnTable sessions, IReadOnlyList<string>? by, SummaryOptions options) =>
        DescriptiveAnalysis.Run(sessions, by, options).Tables;
}
