using Nmt.Analytics.Benchmarking;

namespace Nmt.Analytics.Tests.Benchmarking;

/// <summary>On a simulated network of 2,000 clients the planted clinics are found (docs/simulator.md).</summary>
public sealed class PlantedClinicsTests(BenchmarkFixture fixture) : IClassFixture<BenchmarkFixture>
{
    private ClinicResult Clinic(BenchmarkResult r, string id) => r.Clinics.Single(c => c.ClinicId == id);

    [Fact]
    public void Better_and_worse_clinics_are_flagged_and_lower_change_means_better()
    {
        var result = fixture.NetworkResult;
        Assert.Equal("better", fixture.Network.Truth.Clinic("C01").Role);
        Assert.Equal(PerformanceFlag.Better, Clinic(result, "C01").Flag);
        Assert.True(Clinic(result, "C01").Figures!.Difference < 0);
        Assert.Equal(PerformanceFlag.Worse, Clinic(result, "C02").Flag);
        Assert.True(Clinic(result, "C02").Figures!.Difference > 0);
    }

    [Fact]
    public void Responder_outcome_flags_the_same_clinics_with_higher_is_better()
    {
        var result = ClinicBenchmark.Run(fixture.Network.Table, new BenchmarkOptions { Outcome = BenchmarkOutcome.Responder });
        Assert.Equal(PerformanceFlag.Better, Clinic(result, "C01").Flag);
        Assert.True(Clinic(result, "C01").Figures!.Difference > 0);
        Assert.Equal(PerformanceFlag.Worse, Clinic(result, "C02").Flag);
        Assert.True(Clinic(result, "C01").Figures!.Ratio > 1);
    }

    [Fact]
    public void Case_mix_clinic_looks_worse_raw_but_is_not_flagged_after_adjustment()
    {
        // Responder rate: C03's raw rate is below the ordinary clinics', and its case mix explains the gap.
        var responder = ClinicBenchmark.Run(fixture.Network.Table, new BenchmarkOptions { Outcome = BenchmarkOutcome.Responder });
        var (observed, expected) = OrdinaryMeans(responder);
        var c03 = Clinic(responder, "C03");
        Assert.True(c03.Figures!.Observed < observed, $"raw C03 {c03.Figures.Observed} vs ordinary {observed}");
        Assert.True(c03.Figures.Expected < expected - 0.03, "the model expects fewer responders for C03's case mix");
        Assert.Equal(PerformanceFlag.AsExpected, c03.Flag);

        // Episode change: the model expects less improvement (a higher change) for C03, and it is not flagged.
        var (_, expectedChange) = OrdinaryMeans(fixture.NetworkResult);
        Assert.True(Clinic(fixture.NetworkResult, "C03").Figures!.Expected > expectedChange + 0.1);
        Assert.Equal(PerformanceFlag.AsExpected, Clinic(fixture.NetworkResult, "C03").Flag);
    }

    private (double Observed, double Expected) OrdinaryMeans(BenchmarkResult result)
    {
        var shown = result.Clinics.Where(c => !c.IsSuppressed && fixture.Network.Truth.Clinic(c.ClinicId).Role == "ordinary").Select(c => c.Figures!).ToList();
        var n = shown.Sum(f => f.NClients);
        return (shown.Sum(f => f.Observed * f.NClients) / n, shown.Sum(f => f.Expected * f.NClients) / n);
    }

    [Fact]
    public void Most_ordinary_clinics_are_not_flagged_and_the_tiny_clinic_is_suppressed()
    {
        var ordinary = fixture.NetworkResult.Clinics.Where(c => fixture.Network.Truth.Clinic(c.ClinicId).Role == "ordinary").ToList();
        Assert.Equal(8, ordinary.Count);
        Assert.True(ordinary.Count(c => c.Flag is PerformanceFlag.Better or PerformanceFlag.Worse) <= 1);
        Assert.Equal(PerformanceFlag.Suppressed, Clinic(fixture.NetworkResult, "C12").Flag);
        var glance = fixture.NetworkResult.Glance();
        // The tiny clinic (8 clients) and, as its complement, the smallest other clinic (CMS complementary suppression).
        Assert.Equal(10, glance[0, "n_clinics"]);
        Assert.Equal(2, glance[0, "n_suppressed"]);
        Assert.True((int)glance[0, "n_better"]! >= 1 && (int)glance[0, "n_worse"]! >= 1);
    }

    [Fact]
    public void Overdispersion_never_narrows_the_limits_and_shrinkage_pulls_towards_the_mean()
    {
        var plain = fixture.NetworkResult;
        var wide = ClinicBenchmark.Run(fixture.Network.Table, new BenchmarkOptions { Overdispersion = true });
        Assert.True(wide.Phi >= 1);
        foreach (var (p, w) in plain.Clinics.Where(c => !c.IsSuppressed).Zip(wide.Clinics.Where(c => !c.IsSuppressed)))
        {
            Assert.Equal(p.Figures!.StdError * Math.Sqrt(wide.Phi), w.Figures!.StdError, 1e-12);
            var f = p.Figures;
            Assert.True(Math.Abs(f.Shrunken - plain.ShrinkTarget) <= Math.Abs(f.Difference - plain.ShrinkTarget) + 1e-12);
        }
    }

    [Fact]
    public void Chart_data_holds_the_shown_clinics_with_limits()
    {
        var funnel = fixture.NetworkResult.Funnel();
        Assert.Equal(10, funnel.Points.Count); // 12 clinics less the tiny one and its complement
        Assert.True(funnel.LowerIsBetter);
        var c01 = funnel.Points.Single(p => p.Label == "C01");
        Assert.True(c01.Value < funnel.Limits(c01.N, FunnelLimits.Inner).Low);
        var caterpillar = fixture.NetworkResult.Caterpillar();
        Assert.Equal(caterpillar.Points.OrderBy(p => p.Value).Select(p => p.Label), caterpillar.Points.Select(p => p.Label));
        Assert.Equal("C01", caterpillar.Points[0].Label);
    }
}
