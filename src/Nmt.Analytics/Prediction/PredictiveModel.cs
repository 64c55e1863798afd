using System.IO.Compression;
using System.Text.Json;
using Microsoft.ML;
using Nmt.Analytics.Data;
using Nmt.Analytics.Outcomes;
using Nmt.Analytics.Results;

namespace Nmt.Analytics.Prediction;

/// <summary>
/// A predictive model trained on all usable rows, which can be saved (<c>MODEL.zip</c>), loaded and used to score
/// new clients. The file holds the ML.NET model and the feature encoding (levels, fill values), so scoring applies
/// exactly the training encoding and checks the input's columns against it.
/// </summary>
public sealed class PredictiveModel
{
    private const string ManifestEntry = "nmt-prediction.json", MlNetEntry = "mlnet-model.zip";
    private const int FormatVersion = 1;
    private readonly MLContext _ml;
    private readonly FeatureEncoder _encoder;
    private readonly ModelScorer _scorer;

    private PredictiveModel(MLContext ml, PredictionOptions options, FeatureEncoder encoder, ITransformer model)
    {
        _ml = ml;
        Options = options;
        _encoder = encoder;
        _scorer = new ModelScorer(ml, model, options.Target == PredictionTarget.Responder, encoder.Width);
    }

    /// <summary>Target, learner and settings the model was trained with.</summary>
    public PredictionOptions Options { get; }

    /// <summary>Columns the input must have (besides <c>client_id</c>).</summary>
    public IReadOnlyList<string> FeatureColumns => _encoder.Features.Select(f => f.Name).ToList();

    /// <summary>How each column is encoded (kind, known levels, fill value).</summary>
    public IReadOnlyList<EncodedFeature> Encoding => _encoder.Features;

    /// <summary>Names of the feature-vector slots.</summary>
    public IReadOnlyList<string> SlotNames => _encoder.SlotNames();

    /// <summary>Trains on every usable row of a session table (no cross-validation; use <see cref="PredictiveAnalysis"/> to judge accuracy).</summary>
    public static PredictiveModel Train(ColumnTable sessions, PredictionOptions options)
    {
        ArgumentNullException.ThrowIfNull(sessions);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var frame = PredictionFrame.Build(sessions, options);
        var encoder = FeatureEncoder.Fit(frame.Data, PredictiveAnalysis.ResolveFeatures(frame.Data, options));
        var x = encoder.Encode(frame.Data, allowUnknown: false, out _);
        var ml = new MLContext(options.Seed);
        var scorer = ModelScorer.Train(ml, options, options.Seed, x, frame.Labels, Enumerable.Range(0, x.Length).ToArray(), encoder.Width);
        return new PredictiveModel(ml, options, encoder, scorer.Model);
    }

    /// <summary>
    /// Scores new data (session rows in the training schema): one predicted pain change per session, or one responder
    /// probability per client. Columns are checked against the model; an unseen category is an error unless
    /// <paramref name="allowUnknownCategories"/>, which encodes it as "unknown" (all that column's indicators 0) and notes how many.
    /// </summary>
    /// <exception cref="NmtInputException">A required column is missing or of the wrong type, or an unseen category.</exception>
    public ResultTable Score(ColumnTable sessions, bool allowUnknownCategories = false)
    {
        ArgumentNullException.ThrowIfNull(sessions);
        _ = sessions[SessionColumns.ClientId];
        var responder = Options.Target == PredictionTarget.Responder;
        var excluded = new List<RowExclusion>();
        var data = sessions;
        if (responder)
        {
            var episodes = ResponderEpisodes.Build(sessions, Options.ResponderMinPoints, Options.ResponderMinFraction, requireOutcome: false);
            (data, excluded) = (episodes.Data, episodes.Exclusions.ToList());
        }
        var x = _encoder.Encode(data, allowUnknownCategories, out var unknown);
        var predicted = _scorer.Predict(x);
        var clients = PredictionFrame.ClientKeys(data);
        var table = responder
            ? new ResultTable("Predictions", SessionColumns.ClientId, "line", "probability_responder")
            : new ResultTable("Predictions", SessionColumns.ClientId, "line", "predicted_pain_change");
        for (var i = 0; i < predicted.Length; i++)
        {
            table.AddRow(clients[i], data.SourceLines[i], predicted[i]);
        }
        foreach (var exclusion in excluded)
        {
            table.AddNote($"not scored: line {exclusion.Line}: {exclusion.Reason}.");
        }
        if (unknown > 0)
        {
            table.AddNote($"{unknown} value(s) not seen in training were scored as 'unknown' (all indicators of their column 0).");
        }
        return table;
    }

    /// <summary>Writes the model to a zip file (ML.NET model + feature encoding manifest).</summary>
    public void Save(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        using var mlStream = new MemoryStream();
        _ml.Model.Save(_scorer.Model, null, mlStream);
        using var file = File.Create(path);
        using var zip = new ZipArchive(file, ZipArchiveMode.Create);
        using (var entry = zip.CreateEntry(ManifestEntry).Open())
        {
            JsonSerializer.Serialize(entry, new ModelManifest(FormatVersion, Options with { Features = FeatureColumns }, _encoder.Features.ToList()), ManifestJson);
        }
        using (var entry = zip.CreateEntry(MlNetEntry).Open())
        {
            mlStream.Position = 0;
            mlStream.CopyTo(entry);
        }
    }

    /// <summary>Reads a model written by <see cref="Save"/>.</summary>
    /// <exception cref="NmtInputException">The file is not an Nmt.Analytics prediction model.</exception>
    public static PredictiveModel Load(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        try
        {
            using var zip = ZipFile.OpenRead(path);
            var manifestEntry = zip.GetEntry(ManifestEntry);
            var mlEntry = zip.GetEntry(MlNetEntry);
            if (manifestEntry is null || mlEntry is null)
            {
                throw new NmtInputException($"'{path}' is not an Nmt.Analytics prediction model (saved with nmt predict --save).");
            }
            ModelManifest manifest;
            using (var stream = manifestEntry.Open())
            {
                manifest = JsonSerializer.Deserialize<ModelManifest>(stream, ManifestJson)
                    ?? throw new NmtInputException($"'{path}': empty model manifest.");
            }
            if (manifest.Version != FormatVersion)
            {
                throw new NmtInputException($"'{path}': model format version {manifest.Version} is not supported (expected {FormatVersion}).");
            }
            using var mlStream = new MemoryStream();
            using (var stream = mlEntry.Open())
            {
                stream.CopyTo(mlStream);
            }
            mlStream.Position = 0;
            var ml = new MLContext(manifest.Options.Seed);
            var model = ml.Model.Load(mlStream, out _);
            return new PredictiveModel(ml, manifest.Options, new FeatureEncoder(manifest.Features), model);
        }
        catch (InvalidDataException e)
        {
            throw new NmtInputException($"'{path}' is not a readable model zip: {e.Message}", e);
        }
    }

    private static readonly JsonSerializerOptions ManifestJson = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
    };

    private sealed record ModelManifest(int Version, PredictionOptions Options, List<EncodedFeature> Features);
}
