using System.Collections.Concurrent;
using System.Text.Json;
using Nmt.Analytics.Data;
using Nmt.Analytics.Formulas;
using Nmt.Analytics.Inference;
using Nmt.Analytics.Models;
using Nmt.Analytics.Models.Lmm;
using Nmt.Analytics.Tests.Formulas;

namespace Nmt.Analytics.Tests.Inference;

/// <summary>The R reference cases of inference_reference.json, each fitted once (per test run) by our models.</summary>
internal static class InferenceCases
{
    public static readonly ReferenceCases Cases = new("Inference", "inference_reference.json");

    private static readonly ConcurrentDictionary<string, Lazy<(IInferenceSource Source, ColumnTable Table)>> Fitted = new();

    /// <summary>The fitted model and its table for case <paramref name="name"/>.</summary>
    public static (IInferenceSource Source, ColumnTable Table) Fit(string name) =>
        Fitted.GetOrAdd(name, n => new(() => FitCase(Cases.Named(n)))).Value;

    /// <summary>Loads a reference data set named as <c>Area/file.csv</c> (e.g. <c>Models/Lmm/sleepstudy.csv</c>).</summary>
    public static ColumnTable Load(string data)
    {
        var slash = data.LastIndexOf('/');
        return ReferenceCsv.Load(data[..slash], data[(slash + 1)..]);
    }

    private static (IInferenceSource, ColumnTable) FitCase(JsonElement c)
    {
        var table = Load(c.GetProperty("data").GetString()!);
        var frame = ModelFrameBuilder.Build(c.GetProperty("formula").GetString()!, table);
        IInferenceSource source = c.GetProperty("model").GetString() switch
        {
            "ols" => FixedEffectsSource.FromOls(OlsModel.Fit(frame), frame),
            "logit" => FixedEffectsSource.FromGlm(LogisticModel.Fit(frame), frame),
            "lmm" => new LmmSource(LinearMixedModel.Fit(frame)),
            var other => throw new InvalidOperationException(other),
        };
        return (source, table);
    }

    /// <summary>R's NA (JSON null) and our ∞ df both compare as NaN.</summary>
    public static double[] Finite(IEnumerable<double> values) => values.Select(v => double.IsInfinity(v) ? double.NaN : v).ToArray();

    /// <summary>Tolerance: linear models agree to rounding, mixed models to the optimiser's precision.</summary>
    public static double Tolerance(string name, bool df = false) => name.EndsWith("_lmm", StringComparison.Ordinal) ? (df ? 2e-3 : 2e-4) : 1e-7;
}
