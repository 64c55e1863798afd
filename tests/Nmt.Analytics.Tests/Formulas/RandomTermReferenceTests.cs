using System.Text.Json;
using Nmt.Analytics.Formulas;

namespace Nmt.Analytics.Tests.Formulas;

/// <summary>Random-effect blocks against lme4::mkReTrms (sleepstudy, Pastes).</summary>
public class RandomTermReferenceTests
{
    private static readonly ReferenceCases Cases = new("Formulas", "random_terms.json");

    [Theory]
    [InlineData("sleepstudy_slopes")]
    [InlineData("sleepstudy_uncorrelated")]
    [InlineData("pastes_crossed_names")]
    [InlineData("pastes_factor_slope")]
    public void Blocks_match_lme4(string name)
    {
        var expected = Cases.Named(name);
        var table = ReferenceCsv.Dataset("Formulas", expected.GetProperty("data").GetString()!);

        var frame = ModelFrameBuilder.Build(expected.GetProperty("formula").GetString()!, table);

        var blocks = expected.GetProperty("blocks").EnumerateArray().ToList();
        Assert.Equal(blocks.Count, frame.RandomBlocks.Count);
        for (var b = 0; b < blocks.Count; b++)
        {
            var block = frame.RandomBlocks[b];
            Assert.Equal(blocks[b].GetProperty("group").GetString(), block.Group);
            Assert.Equal(Strings(blocks[b].GetProperty("terms")), block.Terms);
            Assert.Equal(Strings(blocks[b].GetProperty("levels")), block.Levels);
            Assert.Equal(blocks[b].GetProperty("index").EnumerateArray().Select(i => i.GetInt32() - 1), block.GroupIndex);
        }
    }

    [Fact]
    public void Random_slope_columns_hold_the_covariate()
    {
        var table = ReferenceCsv.Dataset("Formulas", "sleepstudy");

        var frame = ModelFrameBuilder.Build("Reaction ~ Days + (Days | Subject)", table);

        var z = frame.RandomBlocks[0].Z;
        Assert.Equal(table.Numeric("Days").Values, z.Column(1).ToArray());
        Assert.All(z.Column(0), v => Assert.Equal(1.0, v));
    }

    private static List<string> Strings(JsonElement element) =>
        element.ValueKind == JsonValueKind.Array ? element.EnumerateArray().Select(e => e.GetString()!).ToList() : [element.GetString()!];
}
