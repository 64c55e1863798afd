using System.Text.Json;
using Nmt.Analytics.Evidence;
using Nmt.Analytics.Evidence.EffectSizes;

namespace Nmt.Analytics.Tests.Evidence;

/// <summary>Loads the metafor 3.8.1 fixtures made by reference/make_fixtures.R.</summary>
internal static class Reference
{
    private static readonly Lazy<JsonDocument> Document = new(() =>
        JsonDocument.Parse(File.ReadAllText(PathOf("expected.json"))));

    public static string PathOf(string file) => Path.Combine(AppContext.BaseDirectory, "Evidence", "reference", file);

    public static JsonElement Section(string name) => Document.Value.RootElement.GetProperty(name);

    public static JsonElement Find(string section, string name) =>
        Section(section).EnumerateArray().Single(c => c.GetProperty("name").GetString() == name);

    public static TheoryData<string> Names(string section)
    {
        var data = new TheoryData<string>();
        foreach (var c in Section(section).EnumerateArray())
        {
            data.Add(c.GetProperty("name").GetString()!);
        }
        return data;
    }

    public static EffectSizeSet Effects(JsonElement c) =>
        EffectSizeCalculator.Compute(StudyTableReader.ReadFile(PathOf(c.GetProperty("file").GetString()!)),
            EffectMeasures.Parse(c.GetProperty("measure").GetString()!));

    public static MetaAnalysisOptions Options(JsonElement c) => new()
    {
        Method = MetaAnalysisOptions.ParseMethod(c.GetProperty("method").GetString()!),
        HartungKnapp = c.TryGetProperty("hk", out var hk) && hk.GetBoolean(),
    };

    public static double Number(JsonElement c, string key) =>
        c.GetProperty(key).ValueKind == JsonValueKind.Null ? double.NaN : c.GetProperty(key).GetDouble();

    public static double[] Numbers(JsonElement c, string key)
    {
        var e = c.GetProperty(key);
        return e.ValueKind == JsonValueKind.Array
            ? e.EnumerateArray().Select(x => x.ValueKind == JsonValueKind.Null ? double.NaN : x.GetDouble()).ToArray()
            : [e.GetDouble()];
    }

    /// <summary>Asserts agreement to 1e-6 relative (plus 1e-10 absolute, for values that are exactly 0 in R).</summary>
    public static void Close(double expected, double actual, string what, double relative = 1e-6)
    {
        if (double.IsNaN(expected))
        {
            Assert.True(double.IsNaN(actual), $"{what}: expected NA, got {actual}");
            return;
        }
        var tolerance = (relative * Math.Abs(expected)) + 1e-10;
        Assert.True(Math.Abs(expected - actual) <= tolerance, $"{what}: metafor {expected:R}, ours {actual:R} (diff {expected - actual:E2})");
    }

    public static void Close(IReadOnlyList<double> expected, IReadOnlyList<double> actual, string what, double relative = 1e-6)
    {
        Assert.Equal(expected.Count, actual.Count);
        for (var i = 0; i < expected.Count; i++)
        {
            Close(expected[i], actual[i], $"{what}[{i}]", relative);
        }
    }
}
