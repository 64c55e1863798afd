using System.Globalization;
using System.Text.Json;
using Nmt.Analytics.Data;
using Nmt.Analytics.Evidence;
using Nmt.Analytics.Evidence.EffectSizes;

namespace Nmt.Analytics.Tests.Evidence;

/// <summary>Per-clinic contrasts and their pool against an independent R implementation + metafor (reference/make_clinic_fixture.R).</summary>
public class ClinicContrastSynthesisTests
{
    internal static ColumnTable Sessions()
    {
        var lines = File.ReadAllLines(Reference.PathOf("clinic_sessions.csv"));
        var header = lines[0].Split(',');
        var rows = lines.Skip(1).Select(l => l.Split(',')).ToArray();
        string[] Col(string name) => rows.Select(r => r[Array.IndexOf(header, name)]).ToArray();
        double[] Num(string name) => Col(name).Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToArray();
        return new ColumnTable(
        [
            new TextColumn("client_id", Col("client_id")),
            new TextColumn("clinic_id", Col("clinic_id")),
            new CodeSetColumn("techniques", Col("techniques").Select(t => (string[]?)t.Split(';')).ToArray()),
            new NumericColumn("pain_pre", Num("pain_pre")),
            new NumericColumn("pain_post", Num("pain_post")),
        ]);
    }

    [Theory]
    [InlineData("MD", EffectMeasure.MeanDifference)]
    [InlineData("SMD", EffectMeasure.StandardizedMeanDifference)]
    public void Clinic_contrasts_and_pool_match_R(string key, EffectMeasure measure)
    {
        var expected = JsonDocument.Parse(File.ReadAllText(Reference.PathOf("clinic_expected.json"))).RootElement.GetProperty(key);
        var result = ClinicContrastSynthesis.Run(Sessions(), "ischemic_compression", measure);
        Assert.Equal(expected.GetProperty("clinics").EnumerateArray().Select(c => c.GetString()), result.Clinics.Select(c => c.ClinicId));
        Reference.Close(Reference.Numbers(expected, "yi"), result.Clinics.Select(c => c.Yi).ToArray(), "yi");
        Reference.Close(Reference.Numbers(expected, "vi"), result.Clinics.Select(c => c.Vi).ToArray(), "vi");
        Reference.Close(Reference.Numbers(expected, "n_both"), result.Clinics.Select(c => (double)c.ClientsBoth).ToArray(), "n_both");
        Reference.Close(Reference.Number(expected, "estimate"), result.Pooled.Estimate, "estimate");
        Reference.Close(Reference.Number(expected, "se"), result.Pooled.StdError, "se");
        Reference.Close(Reference.Number(expected, "tau2"), result.Pooled.Tau2, "tau2");
        Reference.Close(Reference.Number(expected, "i2"), result.Pooled.I2, "I2");
        Reference.Close(Reference.Number(expected, "qp"), result.Pooled.QPValue, "QEp");
        Assert.Contains("ischemic_compression", result.Agreement(), StringComparison.Ordinal);
        Assert.Equal(result.Clinics.Count, result.Tidy().Rows.Count);
    }

    [Fact]
    public void Rows_with_missing_pain_are_left_out_and_reported()
    {
        var sessions = Sessions();
        var pre = sessions.Numeric("pain_pre").Values;
        pre[0] = double.NaN;
        var result = ClinicContrastSynthesis.Run(sessions, "ischemic_compression");
        var exclusion = Assert.Single(result.ExcludedRows);
        Assert.Equal(2, exclusion.Line);
        Assert.Equal("missing pain_pre", exclusion.Reason);
    }

    [Fact]
    public void A_technique_nobody_received_gives_a_clear_message()
    {
        var e = Assert.Throws<NmtInputException>(() => ClinicContrastSynthesis.Run(Sessions(), "init"));
        Assert.Contains("fewer than 2 clients with or without the technique", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Ratio_measures_are_refused()
    {
        var e = Assert.Throws<NmtInputException>(() => ClinicContrastSynthesis.Run(Sessions(), "init", EffectMeasure.RiskRatio));
        Assert.Contains("MD or SMD", e.Message, StringComparison.Ordinal);
    }
}
