using System.Globalization;
using Nmt.Analytics.Benchmarking;

namespace Nmt.Analytics.Tests.Benchmarking;

/// <summary>The case-mix model and per-clinic O, E, z against R's lm on the demo data (reference/case_mix_demo.R).</summary>
public sealed class CaseMixReferenceTests(BenchmarkFixture fixture) : IClassFixture<BenchmarkFixture>
{
    private static string Ref(string file) => Path.Combine(AppContext.BaseDirectory, "Benchmarking", "reference", file);

    private static string[][] Csv(string file) =>
        File.ReadAllLines(Ref(file)).Skip(1).Select(l => l.Split(',').Select(v => v.Trim('"')).ToArray()).ToArray();

    private static double D(string s) => double.Parse(s, CultureInfo.InvariantCulture);

    [Fact]
    public void Case_mix_coefficients_match_R_lm_on_the_demo_episodes()
    {
        var result = ClinicBenchmark.Run(fixture.Demo, new BenchmarkOptions());
        var expected = Csv("demo_case_mix_coef.csv");
        Assert.Equal(expected.Select(r => r[0]), result.Model.Terms);
        for (var j = 0; j < expected.Length; j++)
        {
            Assert.Equal(D(expected[j][1]), result.Model.Coefficients[j], 1e-9);
            Assert.Equal(D(expected[j][2]), result.Model.StdErrors[j], 1e-9);
        }
        var sigma = D(File.ReadAllText(Ref("demo_case_mix_sigma.txt")).Trim());
        Assert.Equal(sigma, result.Sigma, 1e-10);
    }

    [Fact]
    public void Responder_linear_probability_model_matches_R_lm()
    {
        var result = ClinicBenchmark.Run(fixture.Demo, new BenchmarkOptions { Outcome = BenchmarkOutcome.Responder });
        var expected = Csv("demo_responder_coef.csv");
        Assert.Equal(expected.Select(r => r[0]), result.Model.Terms);
        for (var j = 0; j < expected.Length; j++)
        {
            Assert.Equal(D(expected[j][1]), result.Model.Coefficients[j], 1e-10);
            Assert.Equal(D(expected[j][2]), result.Model.StdErrors[j], 1e-10);
        }
    }

    [Fact]
    public void Observed_expected_and_z_match_R_per_clinic()
    {
        var result = ClinicBenchmark.Run(fixture.Demo, new BenchmarkOptions());
        var expected = Csv("demo_case_mix_clinics.csv");
        Assert.Equal(expected.Length, result.Clinics.Count(c => !c.IsSuppressed));
        foreach (var row in expected)
        {
            var f = result.Clinics.Single(c => c.ClinicId == row[0]).Figures!;
            Assert.Equal(D(row[1]), f.NClients);
            Assert.Equal(D(row[2]), f.Observed, 1e-12);
            Assert.Equal(D(row[3]), f.Expected, 1e-10);
            Assert.Equal(D(row[4]), f.Z, 1e-8);
        }
    }

    [Fact]
    public void Shrinkage_matches_metafor_REML_blup_on_dat_bcg()
    {
        var rows = Csv("bcg_blup.csv").Select(r => r.Select(D).ToArray()).ToArray();
        var shrunk = EmpiricalBayes.Shrink(rows.Select(r => r[0]).ToList(), rows.Select(r => r[1]).ToList());
        Assert.Equal(rows[0][4], shrunk.Tau2, 1e-8);
        Assert.Equal(rows[0][5], shrunk.Mean, 1e-8);
        for (var i = 0; i < rows.Length; i++)
        {
            Assert.Equal(rows[i][2], shrunk.Estimates[i].Value, 1e-8);
            Assert.Equal(rows[i][3], shrunk.Estimates[i].Sd, 1e-8);
        }
    }
}
