using Nmt.Analytics.Models.Lmm;

namespace Nmt.Analytics.Tests.Engines;

/// <summary>Equality of two fits to a relative tolerance (1e-9 by default).</summary>
internal static class EngineAssert
{
    public static void Close(double expected, double actual, string what, double tolerance = 1e-9)
    {
        var scale = Math.Max(1, Math.Abs(expected));
        Assert.True(Math.Abs(expected - actual) <= tolerance * scale, $"{what}: expected {expected:R}, got {actual:R} (difference {expected - actual:E2})");
    }

    public static void SameLmm(LmmFit expected, LmmFit actual, double tolerance = 1e-9)
    {
        Assert.Equal(expected.Nobs, actual.Nobs);
        Assert.Equal(expected.NumberOfGroups, actual.NumberOfGroups);
        Assert.Equal(expected.FixedEffects.Select(t => t.Term), actual.FixedEffects.Select(t => t.Term));
        for (var j = 0; j < expected.FixedEffects.Count; j++)
        {
            var (e, a) = (expected.FixedEffects[j], actual.FixedEffects[j]);
            Close(e.Estimate, a.Estimate, e.Term + " estimate", tolerance);
            Close(e.StdError, a.StdError, e.Term + " std_error", tolerance);
            // Satterthwaite df come from numerical second derivatives, which amplify last-bit differences of the sums (~5e-8 seen).
            Close(e.Df, a.Df, e.Term + " df", Math.Max(tolerance, 1e-7));
        }
        for (var k = 0; k < expected.VarianceComponents.Count; k++)
        {
            Close(expected.VarianceComponents[k].Variance, actual.VarianceComponents[k].Variance, expected.VarianceComponents[k].Term + " variance", tolerance);
        }
        Close(expected.Sigma, actual.Sigma, "sigma", tolerance);
        Close(expected.LogLikelihood, actual.LogLikelihood, "log-likelihood", tolerance);
        Assert.Equal(expected.Converged, actual.Converged);
    }
}
