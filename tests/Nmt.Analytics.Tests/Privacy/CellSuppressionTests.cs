using Nmt.Analytics.Privacy;

namespace Nmt.Analytics.Tests.Privacy;

public sealed class CellSuppressionTests
{
    private static IReadOnlySet<string> Suppress(params (string Cell, long Clients)[] cells) =>
        CellSuppression.Suppress(cells.ToDictionary(c => c.Cell, c => c.Clients));

    [Fact]
    public void Nothing_is_suppressed_when_every_cell_has_11_or_more_clients() =>
        Assert.Empty(Suppress(("a", 11), ("b", 40)));

    [Fact]
    public void A_single_small_cell_gets_the_smallest_other_cell_as_complement() =>
        Assert.Equal(["a", "c"], Suppress(("a", 8), ("b", 40), ("c", 19), ("d", 25)).Order());

    [Fact]
    public void Two_small_cells_holding_fewer_than_11_together_get_a_complement() =>
        Assert.Equal(["a", "b", "c"], Suppress(("a", 3), ("b", 4), ("c", 12), ("d", 30)).Order());

    [Fact]
    public void Two_small_cells_holding_11_or_more_together_need_no_complement() =>
        Assert.Equal(["a", "b"], Suppress(("a", 6), ("b", 5), ("c", 12)).Order());

    [Fact]
    public void Empty_cells_reveal_nothing_and_are_never_complements() =>
        Assert.Equal(["a", "c"], Suppress(("a", 2), ("z", 0), ("c", 30)).Order());

    [Theory]
    [InlineData("=1+2", "'=1+2")]
    [InlineData("+x", "'+x")]
    [InlineData("-cmd", "'-cmd")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("C01", "C01")]
    public void Csv_cells_that_a_spreadsheet_would_run_are_neutralised(string cell, string expected) =>
        Assert.Equal(expected, CsvSafety.Neutralise(cell));
}
