using System.Globalization;
using Nmt.Analytics.Data;

namespace Nmt.Analytics.Tests.Data;

public class CellParserTests
{
    [Fact]
    public void Fast_decimal_path_gives_exactly_what_double_parse_gives()
    {
        var random = new Random(42);
        for (var i = 0; i < 20_000; i++)
        {
            var text = (random.NextDouble() * Math.Pow(10, random.Next(-3, 8)) * (random.Next(2) == 0 ? -1 : 1))
                .ToString("F" + random.Next(0, 8).ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
            Assert.True(CellParser.TryNumber(text, false, out var fast));
            Assert.Equal(double.Parse(text, CultureInfo.InvariantCulture), fast);
            Assert.True(CellParser.TryNumber(text.Replace('.', ','), true, out var comma));
            Assert.Equal(fast, comma);
        }
    }

    [Theory]
    [InlineData("1e3", false, 1000)]
    [InlineData(" 2.5 ", false, 2.5)]
    [InlineData("0.1", false, 0.1)]
    [InlineData("1234567890123456789", false, 1234567890123456789d)]
    [InlineData("3,5", true, 3.5)]
    [InlineData("3.5", true, 3.5)]
    public void Numbers_parse_culture_free(string text, bool decimalComma, double expected)
    {
        Assert.True(CellParser.TryNumber(text, decimalComma, out var value));
        Assert.Equal(expected, value);
    }

    [Theory]
    [InlineData("3,5", false)]
    [InlineData("1,000.5", true)]
    [InlineData("1,2,3", true)]
    [InlineData("NaN", false)]
    [InlineData("Infinity", false)]
    [InlineData("seven", false)]
    [InlineData("-", false)]
    [InlineData("1.2.3", false)]
    public void Non_numbers_are_rejected(string text, bool decimalComma) =>
        Assert.False(CellParser.TryNumber(text, decimalComma, out _));

    [Theory]
    [InlineData("1", 1)]
    [InlineData("0", 0)]
    [InlineData("TRUE", 1)]
    [InlineData("no", 0)]
    [InlineData("Y", 1)]
    public void Flags_accept_common_spellings(string text, double expected)
    {
        Assert.True(CellParser.TryFlag(text, out var value));
        Assert.Equal(expected, value);
    }
}
