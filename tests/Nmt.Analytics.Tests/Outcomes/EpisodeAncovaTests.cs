using Nmt.Analytics.Data;
using Nmt.Analytics.Outcomes;
using Nmt.Analytics.Tests.Cli;

namespace Nmt.Analytics.Tests.Outcomes;

/// <summary>
/// The episode-level ANCOVA <c>last_pain_post ~ first_pain_pre + region</c> on the demo data's episode table, against
/// R's <c>lm</c> on an episode table built independently in R (reference/make_episode_reference.R).
/// </summary>
public class EpisodeAncovaTests
{
    [Fact]
    public void Fit_level_episode_matches_R_lm()
    {
        var run = CliRun.Of("fit", "--demo", "--level", "episode", "--formula", "last_pain_post ~ first_pain_pre + region", "--format", "json");

        Assert.True(run.ExitCode == 0, run.Error);
        var json = run.Json();
        var expected = FixtureCsv.Load("demo_episode_ancova.csv");
        Assert.Equal((int)expected.Number(0, "n_obs"), (int)json["n_obs"]!);
        Assert.Equal("episode", (string?)json["level"]);
        var rows = json["fixed_effects"]!.AsArray();
        Assert.Equal(expected.Count, rows.Count);
        for (var i = 0; i < expected.Count; i++)
        {
            var row = rows.Single(r => (string?)r!["term"] == expected.Text(i, "term"))!;
            foreach (var column in new[] { "estimate", "std_error", "statistic", "ci_low", "ci_high" })
            {
                Assert.Equal(expected.Number(i, column), (double)row[column]!, 1e-9);
            }
            Assert.Equal(expected.Number(i, "p_value"), (double)row["p_value"]!, 1e-12);
            Assert.Equal(expected.Number(i, "df"), (double)row["df"]!);
        }
    }

    [Fact]
    public void The_episode_table_has_the_documented_columns_one_row_per_client()
    {
        using var stream = Nmt.Analytics.Synthetic.DemoData.OpenSessionsCsv();
        var episodes = EpisodeTable.Build(SessionDataset.Load(stream, "demo").Table).Episodes;

        Assert.Equal(600, episodes.RowCount);
        foreach (var column in new[] { "first_pain_pre", "last_pain_post", "episode_change", "episode_pct_change", "responder", "n_sessions", "episode_days", "main_technique", "region", "sex" })
        {
            Assert.True(episodes.Contains(column), column);
        }
    }

    [Fact]
    public void Main_technique_is_the_most_frequent_code_ties_to_the_first_in_order()
    {
        var table = new SessionTableBuilder()
            .Add("a", 1, 5, 4, techniques: ["muscle_energy", "init"]).Add("a", 2, 5, 4, techniques: ["init"])
            .Add("b", 1, 5, 4, techniques: ["stacking"]).Add("b", 2, 5, 4, techniques: ["init"]).Build();
        var main = (TextColumn)EpisodeTable.Build(table).Episodes[EpisodeTable.MainTechnique];
        Assert.Equal(new string?[] { "init", "init" }, main.Values.AsEnumerable());
    }

    [Fact]
    public void Unknown_level_is_a_user_error() =>
        CliRun.Of("fit", "--demo", "--level", "clinic", "--formula", "pain_change ~ stress").AssertUserError("--level clinic");

    [Fact]
    public void Confidence_sets_the_interval_level_beside_the_level_of_analysis()
    {
        var run = CliRun.Of("fit", "--demo", "--confidence", "0.9", "--formula", "pain_change ~ stress", "--format", "json");
        Assert.True(run.ExitCode == 0, run.Error);
        var row = run.Json()["fixed_effects"]![1]!;
        var half = (double)row["ci_high"]! - (double)row["estimate"]!;
        Assert.Equal(MathNet.Numerics.Distributions.StudentT.InvCDF(0, 1, (double)row["df"]!, 0.95) * (double)row["std_error"]!, half, 9);
    }
}
