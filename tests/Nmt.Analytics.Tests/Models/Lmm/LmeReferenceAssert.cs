using System.Text.Json;
using Nmt.Analytics.Models.Lmm;

namespace Nmt.Analytics.Tests.Models.Lmm;

/// <summary>Compares a fit with lme4/lmerTest's values in expected.json.</summary>
internal static class LmeReferenceAssert
{
    public static void Close(double expected, double actual, double relative, string what)
    {
        var tolerance = relative * Math.Max(Math.Abs(expected), 1e-300);
        Assert.True(Math.Abs(expected - actual) <= tolerance,
            $"{what}: expected {expected:R}, got {actual:R} (relative error {Math.Abs(expected - actual) / Math.Abs(expected):E2}, allowed {relative:E0})");
    }

    /// <summary>Fixed effects, SEs, variance components, σ, log-likelihood, AIC/BIC to <paramref name="relative"/>; Satterthwaite df to <paramref name="dfRelative"/>.</summary>
    public static void Matches(JsonElement expected, LmmFit fit, double relative = 1e-6, double dfRelative = 1e-4, bool checkDf = true)
    {
        Assert.Equal(expected.GetProperty("reml").GetBoolean(), fit.Reml);
        Assert.Equal(expected.GetProperty("nobs").GetInt32(), fit.Nobs);
        Close(expected.GetProperty("log_lik").GetDouble(), fit.LogLikelihood, relative, "logLik");
        Close(expected.GetProperty("aic").GetDouble(), fit.Aic, relative, "AIC");
        Close(expected.GetProperty("bic").GetDouble(), fit.Bic, relative, "BIC");
        Close(expected.GetProperty("sigma").GetDouble(), fit.Sigma, relative * 10, "sigma");
        Assert.Equal(expected.GetProperty("df_logLik").GetInt32(), fit.ParameterCount);
        Assert.Equal(expected.GetProperty("singular").GetBoolean(), fit.IsSingular);
        foreach (var row in expected.GetProperty("fixed").EnumerateArray())
        {
            var term = row.GetProperty("term").GetString()!;
            var actual = fit.FixedEffects.Single(t => t.Term == term);
            Close(row.GetProperty("estimate").GetDouble(), actual.Estimate, relative, $"estimate {term}");
            Close(row.GetProperty("std_error").GetDouble(), actual.StdError, relative * 10, $"SE {term}");
            if (checkDf)
            {
                Close(row.GetProperty("df").GetDouble(), actual.Df, dfRelative, $"df {term}");
                Close(row.GetProperty("statistic").GetDouble(), actual.Statistic, relative * 10, $"t {term}");
                Close(row.GetProperty("p_value").GetDouble(), actual.PValue, dfRelative * 10, $"p {term}");
            }
        }
        foreach (var row in expected.GetProperty("random").EnumerateArray())
        {
            var group = row.GetProperty("group").GetString();
            var term = row.GetProperty("term").GetString();
            var actual = fit.VarianceComponents.Single(v => v.Group == group && v.Term == term);
            Close(row.GetProperty("variance").GetDouble(), actual.Variance, relative * 10, $"variance {group} {term}");
            Close(row.GetProperty("std_dev").GetDouble(), actual.StdDev, relative * 10, $"SD {group} {term}");
        }
        var correlations = expected.GetProperty("correlations");
        if (correlations.ValueKind == JsonValueKind.Array)
        {
            foreach (var row in correlations.EnumerateArray())
            {
                var actual = fit.RandomCorrelations.Single(c => c.Group == row.GetProperty("group").GetString()
                    && c.Term1 == row.GetProperty("term1").GetString() && c.Term2 == row.GetProperty("term2").GetString());
                // Correlations lie in [−1, 1]: compared absolutely (some are ~0).
                var expectedCorrelation = row.GetProperty("correlation").GetDouble();
                Assert.True(Math.Abs(expectedCorrelation - actual.Correlation) <= 1e-5, $"correlation: expected {expectedCorrelation:R}, got {actual.Correlation:R}");
            }
        }
    }

    /// <summary>Conditional modes and conditional SDs (lme4's ranef(condVar = TRUE)).</summary>
    public static void RanefMatches(JsonElement expected, LmmFit fit, double relative)
    {
        var rows = expected.GetProperty("ranef").EnumerateArray().ToList();
        Assert.Equal(rows.Count, fit.ConditionalModes.Count);
        foreach (var row in rows)
        {
            var mode = fit.ConditionalModesOf(row.GetProperty("group").GetString()!, row.GetProperty("term").GetString()!)[row.GetProperty("level").GetString()!];
            var scale = Math.Max(Math.Abs(row.GetProperty("estimate").GetDouble()), row.GetProperty("std_error").GetDouble());
            Assert.True(Math.Abs(mode.Estimate - row.GetProperty("estimate").GetDouble()) <= relative * scale, $"ranef {mode}");
            Close(row.GetProperty("std_error").GetDouble(), mode.StdError, relative, $"condsd {mode.Group} {mode.Level} {mode.Term}");
        }
    }
}
