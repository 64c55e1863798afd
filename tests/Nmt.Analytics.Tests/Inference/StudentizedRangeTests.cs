using System.Text.Json;
using Nmt.Analytics.Statistics;
using Nmt.Analytics.Tests.Formulas;

namespace Nmt.Analytics.Tests.Inference;

/// <summary>ptukey and qtukey against R 4.2 on a grid of q, number of means, df (2 … ∞) and ranges.</summary>
public class StudentizedRangeTests
{
    private static readonly JsonElement Reference =
        JsonDocument.Parse(File.ReadAllText(ReferenceCsv.PathOf("Inference", "tukey_reference.json"))).RootElement;

    [Fact]
    public void Cdf_matches_R_ptukey()
    {
        foreach (var row in Reference.GetProperty("ptukey").EnumerateArray())
        {
            var (q, means, df, ranges) = (row.GetProperty("q").GetDouble(), row.GetProperty("means").GetInt32(), Df(row), row.GetProperty("ranges").GetInt32());
            var expected = row.GetProperty("p").GetDouble();
            var actual = StudentizedRange.Cdf(q, means, df, ranges);
            Assert.True(Math.Abs(expected - actual) <= 1e-12 + 1e-10 * expected, $"ptukey({q}, {means}, {df}, {ranges}): R {expected:R}, ours {actual:R}");
        }
    }

    [Fact]
    public void Quantile_matches_R_qtukey()
    {
        foreach (var row in Reference.GetProperty("qtukey").EnumerateArray())
        {
            var (p, means, df) = (row.GetProperty("p").GetDouble(), row.GetProperty("means").GetInt32(), Df(row));
            var expected = row.GetProperty("q").GetDouble();
            Assert.Equal(expected, StudentizedRange.Quantile(p, means, df), 1e-9);
        }
    }

    [Fact]
    public void Holm_and_bonferroni_match_p_adjust()
    {
        // R: p.adjust(c(0.01, 0.04, 0.03, 0.2), "holm") = 0.04 0.09 0.09 0.20; "bonferroni" = 0.04 0.16 0.12 0.80
        double[] p = [0.01, 0.04, 0.03, 0.2];
        Models.ReferenceAssert.Close([0.04, 0.09, 0.09, 0.2], MultiplicityAdjustment.Adjust(AdjustmentMethod.Holm, p), 1e-12, "holm");
        Models.ReferenceAssert.Close([0.04, 0.16, 0.12, 0.8], MultiplicityAdjustment.Adjust(AdjustmentMethod.Bonferroni, p), 1e-12, "bonferroni");
    }

    private static double Df(JsonElement row) =>
        row.GetProperty("df").ValueKind == JsonValueKind.Null ? double.PositiveInfinity : row.GetProperty("df").GetDouble();
}
