using System.Text.Json.Nodes;
using Nmt.Analytics.Synthetic;

namespace Nmt.Analytics.Tests.Synthetic;

public sealed class GroundTruthTests
{
    private static readonly GroundTruth Truth = SessionSimulator.Simulate(new SimulationOptions { Clients = 120, Seed = 9 }).Truth;

    [Fact]
    public void JSON_round_trips_through_a_file()
    {
        var path = Path.Combine(Path.GetTempPath(), $"nmt-truth-{Guid.NewGuid():N}.json");
        try
        {
            Truth.Save(path);
            var loaded = GroundTruth.Load(path);
            Assert.Equal(Truth.ToJson(), loaded.ToJson());
            Assert.Equal(Truth.Options, loaded.Options);
            Assert.Equal(Truth.Effect("pain_pre", "session"), loaded.Effect("pain_pre", "session"));
            Assert.Equal(Truth.Clinics, loaded.Clinics);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void JSON_is_snake_case_and_explains_every_effect()
    {
        var json = JsonNode.Parse(Truth.ToJson())!;
        Assert.Equal(9, json["options"]!["seed"]!.GetValue<long>());
        Assert.True(json["options"]!["integer_pain"]!.GetValue<bool>());
        var preModel = json["models"]!.AsArray().Single(m => m!["outcome"]!.GetValue<string>() == "pain_pre")!;
        Assert.Equal(-0.3, preModel["correlations"]![0]!["correlation"]!.GetValue<double>());
        Assert.Equal(1.0, preModel["random_effects"]![0]!["std_dev"]!.GetValue<double>());
        Assert.All(preModel["fixed_effects"]!.AsArray(), e => Assert.False(string.IsNullOrWhiteSpace(e!["meaning"]!.GetValue<string>())));
        Assert.NotNull(json["clinics"]![0]!["n_clients"]);
    }

    [Fact]
    public void Planted_terms_use_R_names_with_the_sorted_first_level_as_reference()
    {
        Assert.Equal(0.5, Truth.Effect("pain_pre", "regioncervical"));
        Assert.Equal(0.6, Truth.Effect("pain_pre", "breathing_patternparadoxical"));
        Assert.Throws<KeyNotFoundException>(() => Truth.Effect("pain_pre", "regionankle_foot"));
        Assert.Equal(-0.4, Truth.Effect("pain_pre", "hydration"));
        Assert.Equal(0.0, Truth.Effect("pain_pre", "nutrition"));
    }

    [Fact]
    public void Malformed_JSON_is_an_input_error() =>
        Assert.Throws<NmtInputException>(() => GroundTruth.FromJson("{\"generator\": 3"));
}
