using System.Text.Json;

namespace Nmt.Analytics.Tests.Models;

/// <summary>Comparisons against R's values: relative tolerance, JSON null (R's NA) must be NaN.</summary>
internal static class ReferenceAssert
{
    public static double[] Numbers(JsonElement element, string property) =>
        element.GetProperty(property).EnumerateArray().Select(v => v.ValueKind == JsonValueKind.Null ? double.NaN : v.GetDouble()).ToArray();

    public static double Number(JsonElement element, string property) =>
        element.GetProperty(property) is { ValueKind: JsonValueKind.Number } v ? v.GetDouble() : double.NaN;

    public static void Close(double expected, double actual, double tolerance, string label)
    {
        if (double.IsNaN(expected))
        {
            Assert.True(double.IsNaN(actual), $"{label}: expected NA, got {actual}");
            return;
        }
        var scale = Math.Max(Math.Abs(expected), 1e-300);
        Assert.True(Math.Abs(expected - actual) <= tolerance * scale, $"{label}: expected {expected:R}, got {actual:R} (rel. diff {Math.Abs(expected - actual) / scale:E2})");
    }

    /// <summary>Element-wise, with the tolerance relative to each value or to the vector's largest value for values near zero.</summary>
    public static void Close(IReadOnlyList<double> expected, IReadOnlyList<double> actual, double tolerance, string label)
    {
        Assert.Equal(expected.Count, actual.Count);
        var largest = expected.Where(double.IsFinite).Select(Math.Abs).DefaultIfEmpty(1).Max();
        for (var i = 0; i < expected.Count; i++)
        {
            if (double.IsNaN(expected[i]))
            {
                Assert.True(double.IsNaN(actual[i]), $"{label}[{i}]: expected NA, got {actual[i]}");
                continue;
            }
            if (double.IsInfinity(expected[i]))
            {
                Assert.Equal(expected[i], actual[i]);
                continue;
            }
            var scale = Math.Max(Math.Abs(expected[i]), 1e-4 * largest); // values that are zero analytically are rounding noise in both
            Assert.True(Math.Abs(expected[i] - actual[i]) <= tolerance * scale,
                $"{label}[{i}]: expected {expected[i]:R}, got {actual[i]:R} (rel. diff {Math.Abs(expected[i] - actual[i]) / scale:E2})");
        }
    }
}
