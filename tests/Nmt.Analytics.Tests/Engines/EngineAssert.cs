using System.Text.Json.Nodes;
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

    /// <summary>Two JSON results agree: same keys, strings, booleans and nulls; numbers to a relative <paramref name="tolerance"/> (integers exactly).</summary>
    public static void SameJson(JsonNode? expected, JsonNode? actual, string path = "$", double tolerance = 1e-9)
    {
        switch (expected)
        {
            case null:
                Assert.True(actual is null, $"{path}: expected null, got {actual?.ToJsonString()}");
                break;
            case JsonObject e:
                var a = Assert.IsType<JsonObject>(actual);
                Assert.Equal(e.Select(kv => kv.Key).Order(StringComparer.Ordinal), a.Select(kv => kv.Key).Order(StringComparer.Ordinal));
                foreach (var (key, value) in e)
                {
                    SameJson(value, a[key], $"{path}.{key}", tolerance);
                }
                break;
            case JsonArray e:
                var list = Assert.IsType<JsonArray>(actual);
                Assert.True(e.Count == list.Count, $"{path}: {e.Count} items expected, got {list.Count}");
                for (var i = 0; i < e.Count; i++)
                {
                    SameJson(e[i], list[i], $"{path}[{i}]", tolerance);
                }
                break;
            default:
                var value2 = expected.AsValue();
                Assert.NotNull(actual);
                if (value2.TryGetValue<double>(out var x) && actual.AsValue().TryGetValue<double>(out var y) && !value2.TryGetValue<string>(out _))
                {
                    if (value2.TryGetValue<long>(out var i1) && actual.AsValue().TryGetValue<long>(out var i2))
                    {
                        Assert.True(i1 == i2, $"{path}: expected {i1}, got {i2}");
                    }
                    else
                    {
                        Close(x, y, path, tolerance);
                    }
                }
                else
                {
                    Assert.Equal(expected.ToJsonString(), actual.ToJsonString());
                }
                break;
        }
    }
}
