using Nmt.Analytics.Data;
using Nmt.Analytics.Outcomes;

namespace Nmt.Analytics.Tests.Outcomes;

public class EpisodeTableTests
{
    private static int RowOf(ColumnTable episodes, string client) =>
        Array.IndexOf(episodes.Text("client_id").Values, client);

    private static double Value(EpisodeResult result, string client, string column) =>
        result.Episodes.Numeric(column)[RowOf(result.Episodes, client)];

    [Fact]
    public void Pain_change_is_post_minus_pre_and_missing_when_either_is_missing()
    {
        var table = new SessionTableBuilder().Add("a", 1, 6, 4).Add("a", 2, double.NaN, 3).Build();
        var change = PainChange.AddTo(table).Numeric("pain_change").Values;
        Assert.Equal(-2, change[0]);
        Assert.True(double.IsNaN(change[1]));
    }

    [Fact]
    public void Episode_uses_first_pre_and_last_post_in_session_order_even_when_rows_are_unordered()
    {
        var table = new SessionTableBuilder()
            .Add("a", 3, 5, 2, stress: 3)
            .Add("a", 1, 8, 6, stress: 9)
            .Add("a", 2, 6, 5, stress: 4)
            .Build();
        var result = EpisodeTable.Build(table);
        Assert.Equal(1, result.Episodes.RowCount);
        Assert.Equal(3, Value(result, "a", "n_sessions"));
        Assert.Equal(8, Value(result, "a", "first_pain_pre"));
        Assert.Equal(2, Value(result, "a", "last_pain_post"));
        Assert.Equal(-6, Value(result, "a", "episode_change"));
        Assert.Equal(-75, Value(result, "a", "episode_pct_change"), 12);
        Assert.Equal(1, Value(result, "a", "responder"));
        Assert.Equal(9, Value(result, "a", "stress")); // baseline covariate from session 1, not the first row
        Assert.Equal(14, Value(result, "a", "episode_days"));
        Assert.Equal(3, result.Episodes.SourceLines[0]); // file line of the first session
    }

    [Theory]
    [InlineData(5, 3, 1)]     // exactly 2 points, 40 %
    [InlineData(10, 7, 1)]    // 3 points, exactly 30 %
    [InlineData(7, 4.9, 1)]   // 2.1 points, exactly 30 % in decimal (binary rounding tolerated)
    [InlineData(10, 7.1, 0)]  // 29 %
    [InlineData(8, 6, 0)]     // exactly 2 points but 25 %
    [InlineData(5, 3.5, 0)]   // 30 % but 1.5 points
    [InlineData(4, 6, 0)]     // worse
    public void Responder_needs_both_thresholds_inclusive(double pre, double post, double expected)
    {
        var result = EpisodeTable.Build(new SessionTableBuilder().Add("a", 1, pre, 5).Add("a", 2, 5, post).Build());
        Assert.Equal(expected, Value(result, "a", "responder"));
    }

    [Fact]
    public void Responder_thresholds_are_configurable()
    {
        var table = new SessionTableBuilder().Add("a", 1, 10, 6).Build(); // 4 points, 40 %
        Assert.Equal(1, Value(EpisodeTable.Build(table), "a", "responder"));
        Assert.Equal(0, Value(EpisodeTable.Build(table, ResponderCriteria.Custom(2, 50)), "a", "responder"));
        Assert.Equal(0, Value(EpisodeTable.Build(table, ResponderCriteria.Custom(5, 30)), "a", "responder"));
    }

    [Fact]
    public void First_pain_pre_of_zero_leaves_percent_and_responder_undefined_with_a_reason()
    {
        var result = EpisodeTable.Build(new SessionTableBuilder().Add("z", 1, 0, 1).Add("z", 2, 1, 0).Build());
        Assert.Equal(0, Value(result, "z", "episode_change"));
        Assert.True(double.IsNaN(Value(result, "z", "episode_pct_change")));
        Assert.True(double.IsNaN(Value(result, "z", "responder")));
        var exclusion = Assert.Single(result.Exclusions);
        Assert.Equal(2, exclusion.Line);
        Assert.Contains("first pain_pre is 0", exclusion.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Single_session_client_has_that_sessions_change()
    {
        var result = EpisodeTable.Build(new SessionTableBuilder().Add("s", 1, 7, 3).Build());
        Assert.Equal(1, Value(result, "s", "n_sessions"));
        Assert.Equal(-4, Value(result, "s", "episode_change"));
        Assert.Empty(result.Exclusions);
    }

    [Fact]
    public void Clients_whose_first_pre_or_last_post_is_missing_are_excluded_with_reasons()
    {
        var table = new SessionTableBuilder()
            .Add("a", 1, double.NaN, 4).Add("a", 2, 5, 3)
            .Add("b", 1, 6, 4).Add("b", 2, 5, double.NaN)
            .Add("c", 1, 6, 4).Add("c", 2, double.NaN, 2) // a missing middle value does not matter
            .Build();
        var result = EpisodeTable.Build(table);
        Assert.Equal(new string?[] { "c" }, result.Episodes.Text("client_id").Values.AsEnumerable());
        Assert.Equal(-4, Value(result, "c", "episode_change"));
        Assert.Equal(2, result.Exclusions.Count);
        Assert.Contains(result.Exclusions, e => e.Line == 2 && e.Reason.Contains("first session has no pain_pre", StringComparison.Ordinal) && !e.Reason.Contains("client a", StringComparison.Ordinal));
        Assert.Contains(result.Exclusions, e => e.Line == 5 && e.Reason.Contains("last session has no pain_post", StringComparison.Ordinal) && !e.Reason.Contains("client b", StringComparison.Ordinal));
    }

    [Fact]
    public void Numeric_client_ids_are_accepted()
    {
        var table = new ColumnTable(
        [
            new NumericColumn("client_id", [101, 101, 102]),
            new NumericColumn("session", [1, 2, 1]),
            new NumericColumn("pain_pre", [6, 5, 4]),
            new NumericColumn("pain_post", [5, 3, 4]),
        ]);
        var result = EpisodeTable.Build(table);
        Assert.Equal(2, result.Episodes.RowCount);
        Assert.Equal([-3.0, 0.0], result.Episodes.Numeric("episode_change").Values);
    }

    [Fact]
    public void Every_catalogued_threshold_names_its_source_population_and_scale()
    {
        Assert.All(ClinicalThresholds.All, t =>
        {
            Assert.False(string.IsNullOrWhiteSpace(t.Source));
            Assert.False(string.IsNullOrWhiteSpace(t.Population));
            Assert.Contains("NPRS", t.ScaleVersion, StringComparison.Ordinal);
            Assert.Equal(ImprovementDirection.Decrease, t.Direction);
        });
        Assert.Contains("Pain 2001;94(2):149-158", ResponderCriteria.Default.Points.Describe(), StringComparison.Ordinal);
        Assert.Equal(2, ResponderCriteria.Default.Points.Value);
        Assert.Equal(30, ResponderCriteria.Default.Percent.Value);
    }
}
