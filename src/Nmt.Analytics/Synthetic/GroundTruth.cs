using System.Text.Json;

namespace Nmt.Analytics.Synthetic;

/// <summary>
/// Everything the simulator planted: the generating models of <c>pain_pre</c> and <c>pain_change</c>, clinic effects,
/// dropout and missingness. A correct analysis of simulated data should recover these values. Serialises to
/// snake_case JSON (<see cref="ToJson"/>, <see cref="Load"/>); docs/simulator.md explains every value.
/// </summary>
public sealed record GroundTruth
{
    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
    };

    /// <summary>Name and version of the generating model (changes whenever generated values would change).</summary>
    public required string Generator { get; init; }

    /// <summary>The options (including the seed) that produced the data.</summary>
    public required SimulationOptions Options { get; init; }

    /// <summary>The generating models: <c>pain_pre</c> (linear mixed model) and <c>pain_change</c> (linear model).</summary>
    public required IReadOnlyList<PlantedModel> Models { get; init; }

    /// <summary>The clinics with their roles and planted effects on pain_change.</summary>
    public required IReadOnlyList<ClinicTruth> Clinics { get; init; }

    /// <summary>Progress-dependent dropout probabilities.</summary>
    public required IReadOnlyList<DropoutRule> Dropout { get; init; }

    /// <summary>MCAR missingness rates of the optional columns.</summary>
    public required IReadOnlyList<MissingnessRate> Missingness { get; init; }

    /// <summary>Further planted facts in words (nulls, structural missingness, measurement models).</summary>
    public required IReadOnlyList<string> Notes { get; init; }

    /// <summary>The generating model of <paramref name="outcome"/>.</summary>
    /// <exception cref="KeyNotFoundException">No model for that outcome.</exception>
    public PlantedModel Model(string outcome) =>
        Models.FirstOrDefault(m => string.Equals(m.Outcome, outcome, StringComparison.Ordinal))
        ?? throw new KeyNotFoundException($"no planted model for '{outcome}'.");

    /// <summary>The planted coefficient of <paramref name="term"/> in the model of <paramref name="outcome"/>.</summary>
    public double Effect(string outcome, string term) =>
        Model(outcome).FixedEffects.FirstOrDefault(e => string.Equals(e.Term, term, StringComparison.Ordinal))?.Estimate
        ?? throw new KeyNotFoundException($"no planted term '{term}' for '{outcome}'.");

    /// <summary>The clinic with id <paramref name="clinicId"/>.</summary>
    public ClinicTruth Clinic(string clinicId) =>
        Clinics.FirstOrDefault(c => string.Equals(c.ClinicId, clinicId, StringComparison.Ordinal))
        ?? throw new KeyNotFoundException($"no clinic '{clinicId}'.");

    /// <summary>Indented snake_case JSON.</summary>
    public string ToJson() => JsonSerializer.Serialize(this, JsonOptions).ReplaceLineEndings("\n") + "\n";

    /// <summary>Writes <see cref="ToJson"/> to <paramref name="path"/> (UTF-8, no BOM).</summary>
    public void Save(string path) => File.WriteAllText(path, ToJson(), new System.Text.UTF8Encoding(false));

    /// <summary>Reads a truth written by <see cref="ToJson"/>.</summary>
    /// <exception cref="NmtInputException">Not a ground-truth JSON document.</exception>
    public static GroundTruth FromJson(string json)
    {
        try
        {
            return JsonSerializer.Deserialize<GroundTruth>(json, JsonOptions)
                ?? throw new NmtInputException("the ground-truth JSON is empty (null).");
        }
        catch (JsonException e)
        {
            throw new NmtInputException($"not a ground-truth JSON document: {e.Message}");
        }
    }

    /// <summary>Reads a truth file written by <see cref="Save"/>.</summary>
    public static GroundTruth Load(string path) => FromJson(File.ReadAllText(path));
}
