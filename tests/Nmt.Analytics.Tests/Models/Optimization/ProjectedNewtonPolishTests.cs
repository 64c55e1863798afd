using Nmt.Analytics.Models.Optimization;

namespace Nmt.Analytics.Tests.Models.Optimization;

/// <summary>The Newton polish never loops on non-finite derivatives (a GLMM with complete separation once hung CI here).</summary>
public sealed class ProjectedNewtonPolishTests
{
    [Fact]
    public void An_objective_that_is_infinite_next_to_the_start_stops_the_polish_at_the_start()
    {
        static double F(double[] x) => x[0] > 1 ? double.PositiveInfinity : (x[0] * x[0]) + (x[1] * x[1]);
        double[] start = [1 - 1e-9, 0.5];
        var result = ProjectedNewtonPolish.Polish(F, start, [double.NegativeInfinity, double.NegativeInfinity]);
        Assert.True(result.Value <= F(start));
        Assert.True(double.IsFinite(result.Value));
    }

    [Fact]
    public void A_smooth_quadratic_is_polished_to_its_minimum()
    {
        static double F(double[] x) => Math.Pow(x[0] - 1, 2) + (2 * Math.Pow(x[1] + 0.5, 2)) + (0.5 * x[0] * x[1]);
        var result = ProjectedNewtonPolish.Polish(F, [0.8, -0.3], [double.NegativeInfinity, double.NegativeInfinity]);
        // Minimum of the quadratic: 2(x0 − 1) + 0.5 x1 = 0 and 4(x1 + 0.5) + 0.5 x0 = 0.
        Assert.Equal(36.0 / 31, result.Minimizer[0], 1e-6);
        Assert.Equal(-20.0 / 31, result.Minimizer[1], 1e-6);
    }
}
