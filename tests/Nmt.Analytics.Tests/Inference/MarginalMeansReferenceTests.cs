using Nmt.Analytics.Inference;
using Nmt.Analytics.Statistics;
using static Nmt.Analytics.Tests.Inference.InferenceCases;
using static Nmt.Analytics.Tests.Models.ReferenceAssert;

namespace Nmt.Analytics.Tests.Inference;

/// <summary>
/// emmeans 1.8.4 <c>emmeans()</c> and <c>pairs()</c> (all four adjustments) against ours on warpbreaks (balanced and
/// unbalanced with missing responses), airquality (NA rows, log(Wind) at log of mean), mtcars (factor × covariate),
/// nlme's Oats and ChickWeight (LMM, Satterthwaite df) and infert (logit, back-transformed).
/// </summary>
public class MarginalMeansReferenceTests
{
    public static TheoryData<string> Names => Cases.Names();

    [Theory]
    [MemberData(nameof(Names))]
    public void Marginal_means_match_emmeans(string name)
    {
        var (source, table) = Fit(name);
        foreach (var expected in Cases.Named(name).GetProperty("emmeans").EnumerateArray())
        {
            var term = expected.GetProperty("term").GetString()!;
            var actual = MarginalMeans.Compute(source, table, term);
            var label = $"{name} {term}";
            Assert.Equal(expected.GetProperty("level").EnumerateArray().Select(l => l.GetString()), actual.Means.Select(m => m.Level));
            Close(Numbers(expected, "estimate"), actual.Means.Select(m => m.Estimate).ToArray(), Tolerance(name), label + " estimate");
            Close(Numbers(expected, "std_error"), actual.Means.Select(m => m.StdError).ToArray(), Tolerance(name), label + " se");
            Close(Numbers(expected, "df"), Finite(actual.Means.Select(m => m.Df)), Tolerance(name, df: true), label + " df");
            Close(Numbers(expected, "ci_low"), actual.Means.Select(m => m.CiLow).ToArray(), Tolerance(name), label + " ci_low");
            Close(Numbers(expected, "ci_high"), actual.Means.Select(m => m.CiHigh).ToArray(), Tolerance(name), label + " ci_high");
            if (expected.TryGetProperty("response", out _))
            {
                Close(Numbers(expected, "response"), actual.Means.Select(m => m.Response!.Value).ToArray(), Tolerance(name), label + " response");
                Close(Numbers(expected, "response_low"), actual.Means.Select(m => m.ResponseLow!.Value).ToArray(), Tolerance(name), label + " response_low");
                Close(Numbers(expected, "response_high"), actual.Means.Select(m => m.ResponseHigh!.Value).ToArray(), Tolerance(name), label + " response_high");
            }
        }
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Pairwise_contrasts_match_emmeans_pairs(string name)
    {
        var (source, table) = Fit(name);
        foreach (var expected in Cases.Named(name).GetProperty("pairs").EnumerateArray())
        {
            var term = expected.GetProperty("term").GetString()!;
            var adjust = MultiplicityAdjustment.Parse(expected.GetProperty("adjust").GetString()!);
            var actual = PairwiseContrasts.Compute(source, MarginalMeans.Compute(source, table, term), adjust).Contrasts;
            var label = $"{name} {term} {adjust}";
            Assert.Equal(expected.GetProperty("contrast").EnumerateArray().Select(l => l.GetString()), actual.Select(c => c.Label));
            Close(Numbers(expected, "estimate"), actual.Select(c => c.Estimate).ToArray(), Tolerance(name), label + " estimate");
            Close(Numbers(expected, "std_error"), actual.Select(c => c.StdError).ToArray(), Tolerance(name), label + " se");
            Close(Numbers(expected, "df"), Finite(actual.Select(c => c.Df)), Tolerance(name, df: true), label + " df");
            Close(Numbers(expected, "statistic"), actual.Select(c => c.Statistic).ToArray(), Tolerance(name), label + " statistic");
            // ptukey's own quadrature is accurate to about 1e-6 absolute.
            ClosePValues(Numbers(expected, "p_value"), actual.Select(c => c.PValue).ToArray(), name.EndsWith("_lmm", StringComparison.Ordinal) ? 2e-3 : 1e-6, label);
        }
    }

    [Fact]
    public void A_factor_may_be_named_by_its_column()
    {
        var (source, table) = Fit("airquality_lm");
        var byColumn = MarginalMeans.Compute(source, table, "Month");
        Assert.Equal(["5", "6", "7", "8", "9"], byColumn.Means.Select(m => m.Level));
    }

    [Fact]
    public void Numeric_or_unknown_terms_are_refused_with_a_clear_message()
    {
        var (source, table) = Fit("airquality_lm");
        var numeric = Assert.Throws<NmtInputException>(() => MarginalMeans.Compute(source, table, "Temp"));
        Assert.Contains("numeric covariate", numeric.Message, StringComparison.Ordinal);
        var unknown = Assert.Throws<NmtInputException>(() => MarginalMeans.Compute(source, table, "Region"));
        Assert.Contains("not a factor", unknown.Message, StringComparison.Ordinal);
    }

    private static void ClosePValues(double[] expected, double[] actual, double absolute, string label)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (var i = 0; i < expected.Length; i++)
        {
            var tolerance = Math.Max(absolute * Math.Max(expected[i], 1e-3), 1e-9);
            Assert.True(Math.Abs(expected[i] - actual[i]) <= Math.Max(tolerance, 1e-6 * expected[i] + 1e-12), $"{label} p[{i}]: expected {expected[i]:R}, got {actual[i]:R}");
        }
    }
}
