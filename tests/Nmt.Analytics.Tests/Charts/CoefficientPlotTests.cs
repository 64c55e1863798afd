using Nmt.Analytics.Charts;
using Nmt.Analytics.Formulas;
using Nmt.Analytics.Models;
using Nmt.Analytics.Results;
using Nmt.Analytics.Tests.Formulas;
using ScottPlot.Plottables;

namespace Nmt.Analytics.Tests.Charts;

public class CoefficientPlotTests
{
    internal static ResultTable Coefficients() => new ResultTable("Fixed effects", "term", "estimate", "std_error", "ci_low", "ci_high")
        .AddRow("(Intercept)", 5.0, 0.5, 4.0, 6.0)
        .AddRow("age", 0.5, 0.2, 0.1, 0.9)
        .AddRow("sexM", -0.2, 0.3, -0.8, 0.4);

    [Fact]
    public void Drops_the_intercept_by_default()
    {
        var plot = CoefficientPlot.Create(Coefficients());
        Assert.Equal([(1.0, "age"), (0.0, "sexM")], ChartInspect.ManualTicks(plot, plot.Axes.Left));
        Assert.Equal(2, ChartInspect.All<Marker>(plot).Length);
        Assert.Equal(2, ChartInspect.All<LinePlot>(plot).Length);
        Assert.Equal(0, Assert.Single(ChartInspect.All<VerticalLine>(plot)).X);
        Assert.Equal("Estimate (NPRS points)", plot.Axes.Bottom.Label.Text);
        Assert.Equal(3, CoefficientPlot.Rows(Coefficients(), includeIntercept: true).Count);
    }

    [Fact]
    public void Typed_fit_draws_its_coefficients_without_the_intercept()
    {
        var fit = OlsModel.Fit(ModelFrameBuilder.Build("mpg ~ wt + hp", ReferenceCsv.Load("Models", "mtcars.csv")));

        var plot = CoefficientPlot.Create(fit);

        Assert.Equal([(1.0, "wt"), (0.0, "hp")], ChartInspect.ManualTicks(plot, plot.Axes.Left));
        Assert.Equal(fit.Coefficients[1].Estimate, ChartInspect.All<Marker>(plot)[0].Location.X, 12);
    }

    [Fact]
    public void Intervals_excluding_zero_are_highlighted()
    {
        var rows = CoefficientPlot.Rows(Coefficients());
        Assert.True(rows[0].Excludes(0));
        Assert.False(rows[1].Excludes(0));
        var plot = CoefficientPlot.Create(Coefficients());
        Assert.Equal(ChartTheme.Vermillion, ChartInspect.All<LinePlot>(plot)[0].LineColor);
    }

    [Fact]
    public void Missing_column_is_an_input_error()
    {
        var table = new ResultTable("x", "term", "estimate").AddRow("a", 1.0);
        var ex = Assert.Throws<NmtInputException>(() => CoefficientPlot.Create(table));
        Assert.Contains("ci_low", ex.Message, StringComparison.Ordinal);
    }
}
