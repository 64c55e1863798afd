using Nmt.Analytics.Results;

namespace Nmt.Analytics.Tests.TidyResults;

public class ResultTableTests
{
    private static ResultTable Sample() => new ResultTable("Fixed effects", "term", "estimate", "p_value", "flag")
        .AddRow("(Intercept)", 37.227270116447215, 2.565459e-20, true)
        .AddRow("wt, kg", -3.8778307424046807, null, false)
        .AddNote("n = 32");

    [Fact]
    public void Csv_is_rfc4180_with_round_trip_numbers_and_empty_missing()
    {
        var csv = Sample().ToCsv();

        Assert.Equal("term,estimate,p_value,flag\n(Intercept),37.227270116447215,2.565459E-20,true\n\"wt, kg\",-3.8778307424046807,,false\n", csv);
    }

    [Fact]
    public void Json_keeps_full_precision_and_null_for_missing()
    {
        var json = Sample().ToJsonArray();

        Assert.Equal(37.227270116447215, json[0]!["estimate"]!.GetValue<double>());
        Assert.Null(json[1]!["p_value"]);
        Assert.True(json[0]!["flag"]!.GetValue<bool>());
    }

    [Fact]
    public void Text_rounds_to_significant_digits_and_shows_NA()
    {
        var text = Sample().ToText(digits: 4);

        Assert.Contains("37.23", text, StringComparison.Ordinal);
        Assert.Contains("2.565E-020", text, StringComparison.Ordinal);
        Assert.Contains("NA", text, StringComparison.Ordinal);
        Assert.Contains("Note: n = 32", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Select_keeps_rows_and_notes_of_the_named_columns()
    {
        var narrow = Sample().Select("term", "p_value");

        Assert.Equal(["term", "p_value"], narrow.Columns);
        Assert.Equal("wt, kg", narrow[1, "term"]);
        Assert.Equal(["n = 32"], narrow.Notes);
        Assert.Throws<KeyNotFoundException>(() => Sample().Select("nope"));
    }

    [Fact]
    public void Html_escapes_and_right_aligns_numbers()
    {
        var html = new ResultTable("T", "a", "b").AddRow("<x>", 1.5).ToHtml();

        Assert.Contains("<td>&lt;x&gt;</td>", html, StringComparison.Ordinal);
        Assert.Contains("<td class=\"num\">1.500</td>", html, StringComparison.Ordinal);
    }
}
