using Nmt.Analytics.Data;
using Nmt.Analytics.Outcomes;

namespace Nmt.Analytics.Tests.Outcomes;

/// <summary><see cref="DescribeRequest"/>: option checks before any data are read, and the groups of the clinical classification.</summary>
public class DescribeRequestTests
{
    private static readonly DataSource Missing = new("no-such-file.csv", false);

    [Theory]
    [InlineData(-1, 11, "--bootstrap must be 0 (off)")]
    [InlineData(0, -1, "--min-cell must be 0 or more")]
    public void Bad_numbers_are_refused_before_the_data_are_read(int bootstrap, int minCell, string message)
    {
        var e = Assert.Throws<NmtInputException>(() => new DescribeRequest { Bootstrap = bootstrap, MinCell = minCell }.Run(Missing));
        Assert.StartsWith(message, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_grouping_is_refused_before_the_data_are_read()
    {
        var e = Assert.Throws<NmtInputException>(() => new DescribeRequest { By = "regoin" }.Run(Missing));
        Assert.Contains("Did you mean 'region'?", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Options_carry_bootstrap_seed_and_minimum_cell()
    {
        Assert.Equal(new SummaryOptions(5, 200, 9), new DescribeRequest { Bootstrap = 200, Seed = 9, MinCell = 5 }.SummaryOptions());
    }

    [Theory]
    [InlineData("all", new string[0])]
    [InlineData("region, clinic_id", new[] { "region", "clinic_id" })]
    [InlineData("region,all,", new[] { "region" })]
    public void Clinical_groups_are_the_named_columns_and_all_adds_none(string by, string[] expected)
    {
        Assert.Equal(expected, DescribeRequest.ClinicalGroups(by));
    }

    [Fact]
    public void Clinical_classification_of_the_demo_reports_its_rows_and_thresholds()
    {
        var output = new DescribeRequest { Clinical = true, By = "region" }.Run(new DataSource(null, true));
        var json = output.ToJson();
        Assert.NotNull(json["clinical"]);
        Assert.NotNull(json["thresholds"]);
        Assert.Equal((long)json["n_read"]!, (long)json["n_used"]! + json["excluded_rows"]!.AsArray().Count);
        Assert.NotNull(output.Rows);
    }
}
