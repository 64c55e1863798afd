using MathNet.Numerics.LinearAlgebra;
using Nmt.Analytics.Benchmarking;
using Nmt.Analytics.Outcomes;

namespace Nmt.Analytics.Tests.Benchmarking;

/// <summary>Shared summaries lose nothing: the model and the benchmark from combined summaries equal those of the pooled rows.</summary>
public sealed class FederationTests(BenchmarkFixture fixture) : IClassFixture<BenchmarkFixture>
{
    private static BenchmarkSummary RoundTrip(BenchmarkSummary summary, string name) => BenchmarkSummary.FromJson(summary.ToJson(), name);

    [Fact]
    public void Model_from_combined_summaries_equals_QR_fit_of_pooled_rows_to_1e9()
    {
        var sessions = fixture.Network.Table;
        var options = new BenchmarkOptions();
        var ids = BenchmarkFixture.ClinicIds(sessions);
        var parts = new[] { ids[..4], ids[4..8], ids[8..] }
            .Select((g, i) => RoundTrip(BenchmarkSummary.Create(BenchmarkFixture.Clinics(sessions, g), options), $"site{i}.json"))
            .ToList();
        var federated = ClinicBenchmark.Compare(parts.Select(p => p.Model).ToList(), parts.SelectMany(p => p.Clinics).ToList(), [], options, [], []);

        // Pooled rows: design rows of every episode of the exported clinics (each site leaves out its small clinics and
        // their complements), fitted by QR (no cross-products).
        var exported = parts.SelectMany(p => p.Clinics).Select(c => c.ClinicId).ToHashSet(StringComparer.Ordinal);
        var episodes = EpisodeTable.Build(sessions).Episodes;
        var clinicOf = episodes.Text("clinic_id");
        var large = Enumerable.Range(0, episodes.RowCount).Where(r => exported.Contains(clinicOf[r]!)).ToArray();
        var design = CaseMixDesign.Observe(episodes.Take(large));
        var x = Matrix<double>.Build.DenseOfRowArrays(large.Select(r => design.Row(episodes, r)));
        var y = Vector<double>.Build.DenseOfEnumerable(large.Select(r => episodes.Numeric("episode_change")[r]));
        var terms = EstimableTerms.Select(design, CaseMixCrossProducts.FromRows(x, y));
        var xr = Matrix<double>.Build.DenseOfColumnVectors(terms.Indices.Select(x.Column));
        var beta = xr.QR().Solve(y);

        Assert.Equal(terms.Terms, federated.Model.Terms);
        Assert.True(beta.Count > 25);
        for (var j = 0; j < beta.Count; j++)
        {
            Assert.Equal(beta[j], federated.Model.Coefficients[j], 1e-9);
        }
        var residual = y - xr * beta;
        Assert.Equal(residual.DotProduct(residual) / (y.Count - beta.Count), federated.Model.ResidualVariance, 1e-9);
    }

    [Fact]
    public void Benchmark_against_summaries_equals_benchmark_of_pooled_rows()
    {
        var sessions = fixture.Network.Table;
        var options = new BenchmarkOptions { Overdispersion = true };
        var ids = BenchmarkFixture.ClinicIds(sessions);
        var local = BenchmarkFixture.Clinics(sessions, ids[..3]);
        var others = RoundTrip(BenchmarkSummary.Create(BenchmarkFixture.Clinics(sessions, ids[3..]), options), "others.json");
        var federated = ClinicBenchmark.Run(local, options, [others]);
        // The same clinics' rows pooled (the summary left out C12 and its complement, so the rows leave them out too).
        var pooled = ClinicBenchmark.Run(BenchmarkFixture.Clinics(sessions, [.. federated.Clinics.Select(c => c.ClinicId)]), options);

        // The exported summary leaves the tiny clinic C12 out entirely; every other clinic matches.
        Assert.DoesNotContain(federated.Clinics, c => c.ClinicId == "C12");
        var shown = pooled.Clinics.Where(c => !c.IsSuppressed).ToList();
        Assert.Equal(shown.Select(c => c.ClinicId), federated.Clinics.Select(c => c.ClinicId));
        Assert.Equal(pooled.Phi, federated.Phi, 1e-9);
        Assert.True(pooled.Phi >= 1); // phi is floored at 1; without the complement clinic this subset shows no overdispersion
        foreach (var (p, f) in shown.Zip(federated.Clinics))
        {
            Assert.Equal(p.Flag, f.Flag);
            if (p.Figures is { } pf)
            {
                Assert.Equal(pf.Difference, f.Figures!.Difference, 1e-9);
                Assert.Equal(pf.StdError, f.Figures.StdError, 1e-9);
                Assert.Equal(pf.Shrunken, f.Figures.Shrunken, 1e-8);
            }
        }
        Assert.Equal("others.json", federated.Clinics.Single(c => c.ClinicId == "C05").Source);
    }

    [Fact]
    public void A_single_clinic_is_benchmarked_against_the_summaries_of_the_others()
    {
        var sessions = fixture.Network.Table;
        var ids = BenchmarkFixture.ClinicIds(sessions);
        var alone = BenchmarkFixture.Clinics(sessions, "C01");
        Assert.Throws<NmtInputException>(() => ClinicBenchmark.Run(alone, new BenchmarkOptions()));
        var others = new[] { ids[1..6], ids[6..] }
            .Select((g, i) => RoundTrip(BenchmarkSummary.Create(BenchmarkFixture.Clinics(sessions, g), new BenchmarkOptions(), pseudonymise: true), $"site{i}.json"))
            .ToList();
        var result = ClinicBenchmark.Run(alone, new BenchmarkOptions(), others);
        var c01 = result.Clinics.Single(c => c.Source == "local");
        Assert.Equal("C01", c01.ClinicId);
        Assert.Equal(PerformanceFlag.Better, c01.Flag);
        Assert.Equal(fixture.NetworkResult.Clinics.Single(c => c.ClinicId == "C01").Figures!.Difference, c01.Figures!.Difference, 1e-9);
    }

    [Fact]
    public void Summaries_with_different_observed_levels_are_aligned_by_zero_padding()
    {
        // Two single-clinic summaries: each clinic lacks some levels the other has; the union design still fits.
        var sessions = fixture.Network.Table;
        var options = new BenchmarkOptions();
        var c04 = BenchmarkFixture.Clinics(sessions, "C04");
        var region = c04.Text("region");
        var noLumbar = c04.Take(Enumerable.Range(0, c04.RowCount).Where(r => region[r] != "lumbar").ToArray());
        var a = BenchmarkSummary.Create(noLumbar, options);
        var b = BenchmarkSummary.Create(BenchmarkFixture.Clinics(sessions, "C05"), options);
        Assert.DoesNotContain(a.Model.Design.Columns, c => c.Term == "regionlumbar");
        Assert.Contains(b.Model.Design.Columns, c => c.Term == "regionlumbar");
        var result = ClinicBenchmark.Compare([a.Model, b.Model], [.. a.Clinics, .. b.Clinics], [], options, [], []);
        Assert.Equal(2, result.Clinics.Count);
        Assert.Equal(a.Clinics[0].NClients + b.Clinics[0].NClients, result.Model.Count);
        Assert.Contains("regionlumbar", result.Model.Terms);
    }
}
