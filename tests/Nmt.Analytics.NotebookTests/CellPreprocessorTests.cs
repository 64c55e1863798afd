using Nmt.Analytics.Notebooks;

namespace Nmt.Analytics.NotebookTests;

public class CellPreprocessorTests
{
    [Fact]
    public void Directives_and_harmless_magics_become_comments_keeping_every_line()
    {
        const string source = "#!csharp\n#i \"nuget: ../packages\"\n#r \"nuget: ScottPlot, 5.1.59\"\n  #r \"lib/My.dll\" // local\nvar x = 1;\n#!time\nx";

        var prepared = CellPreprocessor.Prepare(source);

        var lines = prepared.Code.Split('\n');
        Assert.Equal(7, lines.Length);
        Assert.All(lines[..4], l => Assert.StartsWith("// ", l, StringComparison.Ordinal));
        Assert.Equal("var x = 1;", lines[4]);
        Assert.Equal("// #!time", lines[5]);
        Assert.Equal("x", lines[6]);
        Assert.Equal(
            [new ReferenceDirective(3, "ScottPlot", true, "5.1.59"), new ReferenceDirective(4, "lib/My.dll", false, null)],
            prepared.References);
    }

    [Fact]
    public void A_nuget_reference_without_version_has_none()
    {
        var prepared = CellPreprocessor.Prepare("#r \"nuget:MathNet.Numerics\"");

        Assert.Equal(new ReferenceDirective(1, "MathNet.Numerics", true, null), Assert.Single(prepared.References));
    }

    [Theory]
    [InlineData("#!fsharp")]
    [InlineData("#!pwsh")]
    [InlineData("#!set --name x --value 1")]
    [InlineData("#!whatever")]
    public void Other_magics_are_refused_with_their_line(string magic)
    {
        var e = Assert.Throws<CellRefusedException>(() => CellPreprocessor.Prepare("var a = 1;\n" + magic));

        Assert.StartsWith($"line 2: magic command '{magic.Split(' ')[0]}' is not supported", e.Message, StringComparison.Ordinal);
    }
}
