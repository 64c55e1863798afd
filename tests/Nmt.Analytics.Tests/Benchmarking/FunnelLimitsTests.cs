using System.Globalization;
using Nmt.Analytics.Benchmarking;

namespace Nmt.Analytics.Tests.Benchmarking;

public class FunnelLimitsTests
{
    [Fact]
    public void Limits_match_R_qnorm_computation()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Benchmarking", "reference", "funnel_limits.csv");
        foreach (var line in File.ReadAllLines(path).Skip(1))
        {
            var v = line.Split(',').Select(s => double.Parse(s, CultureInfo.InvariantCulture)).ToArray();
            var n = v[0];
            var inner = FunnelLimits.ForMean(2, 1.5, n, FunnelLimits.Inner);
            var outer = FunnelLimits.ForMean(2, 1.5, n, FunnelLimits.Outer);
            var prop = FunnelLimits.ForProportion(0.3, n, FunnelLimits.Inner);
            Assert.Equal(v[1], inner.Low, 1e-12);
            Assert.Equal(v[2], inner.High, 1e-12);
            Assert.Equal(v[3], outer.Low, 1e-12);
            Assert.Equal(v[4], outer.High, 1e-12);
            Assert.Equal(v[5], prop.Low, 1e-12);
            Assert.Equal(v[6], prop.High, 1e-12);
        }
    }

    [Fact]
    public void Overdispersion_is_mean_square_of_winsorised_z_and_never_below_one()
    {
        // 10 z-scores, 10 % winsorising pulls -5 up to -1 and 6 down to 2.
        double[] z = [-5, -1, -0.5, 0, 0.5, 1, 1.5, 1.5, 2, 6];
        var expected = new[] { -1, -1, -0.5, 0, 0.5, 1, 1.5, 1.5, 2, 2 }.Sum(x => x * x) / 10;
        Assert.Equal(Math.Max(1, expected), Overdispersion.Estimate(z), 1e-12);
        Assert.Equal(1, Overdispersion.Estimate([0.1, -0.1, 0.2]));
    }
}
