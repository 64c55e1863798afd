using Nmt.Analytics.Benchmarking;
using Nmt.Analytics.Data;

namespace Nmt.Analytics.Tests.Benchmarking;

/// <summary>Small clinics show no figures in any output, and nothing can be differenced out of the totals.</summary>
public sealed class SuppressionTests(BenchmarkFixture fixture) : IClassFixture<BenchmarkFixture>
{
    private static readonly string[] Figures =
        ["n_clients", "observed", "expected", "difference", "ratio", "std_error", "z", "ci_low", "ci_high", "alarm", "shrunken", "shrunken_low", "shrunken_high"];

    [Fact]
    public void Json_shows_only_the_suppressed_shape()
    {
        var json = fixture.NetworkResult.ToJson();
        var tiny = json["clinics"]!.AsArray().Single(c => (string?)c!["clinic_id"] == "C12")!.AsObject();
        Assert.Equal("suppressed", (string?)tiny["flag"]);
        Assert.True((bool)tiny["suppressed"]!);
        foreach (var key in Figures)
        {
            Assert.True(tiny.ContainsKey(key));
            Assert.Null(tiny[key]);
        }
    }

    [Fact]
    public void Csv_text_and_chart_data_carry_no_figures_of_a_small_clinic()
    {
        var tidy = fixture.NetworkResult.Tidy();
        var row = tidy.Rows.Single(r => (string?)r[0] == "C12");
        Assert.All(Figures, key => Assert.Null(row[tidy.Columns.ToList().IndexOf(key)]));
        var csvLine = tidy.ToCsv().Split('\n').Single(l => l.StartsWith("C12,", StringComparison.Ordinal));
        Assert.DoesNotMatch(@"\d", csvLine.Replace("C12", "", StringComparison.Ordinal));
        Assert.DoesNotContain(fixture.NetworkResult.Funnel().Points, p => p.Label == "C12");
        Assert.DoesNotContain(fixture.NetworkResult.Caterpillar().Points, p => p.Label == "C12");
    }

    [Fact]
    public void A_small_clinic_cannot_be_reported_with_figures()
    {
        var figures = new ClinicFigures(8, -2, -1.5, 0.6, -0.4, 0.3);
        Assert.Throws<InvalidOperationException>(() => ClinicResult.Reported("C12", "local", figures, PerformanceFlag.AsExpected, false, 11));
        Assert.Null(ClinicResult.Suppressed("C12", "local").Figures);
    }

    [Fact]
    public void Output_does_not_depend_on_a_suppressed_clinics_data_so_totals_cannot_be_differenced()
    {
        // Replace the tiny clinic's pain scores: every output must stay exactly the same.
        var sessions = fixture.Network.Table;
        var clinic = sessions.Text("clinic_id");
        var changed = new ColumnTable(sessions.Columns.Select(c => c.Name switch
        {
            "pain_post" => (TableColumn)new NumericColumn("pain_post", sessions.Numeric("pain_post").Values.Select((v, r) => clinic[r] == "C12" ? 0.0 : v).ToArray()),
            "pain_pre" => new NumericColumn("pain_pre", sessions.Numeric("pain_pre").Values.Select((v, r) => clinic[r] == "C12" ? 10.0 : v).ToArray()),
            _ => c,
        }), sessions.SourceLines.ToArray());
        var before = fixture.NetworkResult.ToJson().ToJsonString();
        var after = ClinicBenchmark.Run(changed, new BenchmarkOptions()).ToJson().ToJsonString();
        Assert.Equal(before, after);
        var shown = fixture.NetworkResult.Clinics.Where(c => !c.IsSuppressed).Sum(c => c.Figures!.NClients);
        Assert.Equal(shown, fixture.NetworkResult.Model.Count);
    }

    [Fact]
    public void Raising_min_clients_suppresses_more_clinics_everywhere()
    {
        var sizes = fixture.NetworkResult.Clinics.Where(c => !c.IsSuppressed).Select(c => c.Figures!.NClients).Order().ToList();
        var threshold = (int)sizes[2] + 1; // suppress the three smallest shown clinics
        var result = ClinicBenchmark.Run(fixture.Network.Table, new BenchmarkOptions { MinClients = threshold });
        Assert.Equal(5, result.Clinics.Count(c => c.IsSuppressed)); // those three, the tiny clinic and its complement
        Assert.All(result.Clinics.Where(c => !c.IsSuppressed), c => Assert.True(c.Figures!.NClients >= threshold));
        var json = result.ToJson()["clinics"]!.AsArray();
        Assert.Equal(5, json.Count(c => c!["observed"] is null));
        Assert.Equal(threshold, (int)result.ToJson()["min_clients"]!);
    }
}
