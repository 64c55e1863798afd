using System.Text;
using Nmt.Analytics.Charts;
using Nmt.Analytics.Outcomes;
using ScottPlot;

namespace Nmt.Analytics.Tests.Charts;

public class ChartExportTests
{
    private static readonly byte[] PngSignature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    public static TheoryData<string> Charts() =>
    [
        "trajectory", "immediate", "heatmap", "coefficients", "funnel", "caterpillar", "importance", "dependence", "responder",
    ];

    private static Plot Build(string chart) => chart switch
    {
        "trajectory" => PainTrajectoryChart.Create(PainTrajectoryChartTests.Sessions(), clientLines: 5),
        "immediate" => ImmediateChangeChart.Create(ImmediateChangeChartTests.Sessions()),
        "heatmap" => RegionTechniqueHeatmap.Create(RegionTechniqueHeatmapTests.Sessions()),
        "coefficients" => CoefficientPlot.Create(CoefficientPlotTests.Coefficients()),
        "funnel" => FunnelPlot.Create(FunnelPlotTests.Clinics(), 0, 2),
        "caterpillar" => CaterpillarPlot.Create(CaterpillarPlotTests.Effects()),
        "importance" => ImportanceChart.Create(ImportanceChartTests.Importance()),
        "dependence" => PartialDependenceChart.Create(PartialDependenceChartTests.Dependence()),
        _ => ResponderCurveChart.Create(Outcomes.SessionTableBuilder.Many(24, 4), SessionGrouping.Region),
    };

    [Theory]
    [MemberData(nameof(Charts))]
    public void Exports_valid_png_and_svg(string chart)
    {
        var plot = Build(chart);
        var png = ChartTheme.ToPng(plot, 600, 400);
        Assert.Equal(PngSignature, png.Take(8).ToArray());
        Assert.Contains("<svg", ChartTheme.ToSvg(plot, 600, 400), StringComparison.Ordinal);
    }

    [Fact]
    public void Save_writes_files_by_extension()
    {
        var directory = Directory.CreateTempSubdirectory("nmt-charts-");
        try
        {
            var plot = Build("funnel");
            var (png, svg) = (Path.Combine(directory.FullName, "funnel.png"), Path.Combine(directory.FullName, "funnel.svg"));
            ChartTheme.Save(plot, png, 600, 400);
            ChartTheme.Save(plot, svg, 600, 400);
            Assert.Equal(PngSignature, File.ReadAllBytes(png).Take(8).ToArray());
            Assert.Contains("<svg", File.ReadAllText(svg, Encoding.UTF8), StringComparison.Ordinal);
            Assert.Throws<NmtInputException>(() => ChartTheme.Save(plot, Path.Combine(directory.FullName, "funnel.jpg")));
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }
}
