using System.Text;

namespace Nmt.Analytics.Synthetic;

/// <summary>
/// The bundled demo dataset: about 600 simulated clients in 12 clinics (<see cref="Options"/>), embedded in the
/// library as <c>sessions.csv</c> with its <c>truth.json</c>. data/demo/README.md tells how to regenerate it.
/// </summary>
public static class DemoData
{
    /// <summary>Manifest name of the embedded sessions CSV.</summary>
    public const string SessionsResource = "Nmt.Analytics.Demo.sessions.csv";

    /// <summary>Manifest name of the embedded ground truth.</summary>
    public const string TruthResource = "Nmt.Analytics.Demo.truth.json";

    private static readonly Lazy<GroundTruth> LazyTruth = new(() => GroundTruth.FromJson(ReadText(TruthResource)));

    /// <summary>The documented options that generate the demo data (seed 20261125, 600 clients, 12 clinics).</summary>
    public static SimulationOptions Options { get; } = new() { Clients = 600, Clinics = 12, Seed = 20261125 };

    /// <summary>The planted truth of the demo data.</summary>
    public static GroundTruth Truth => LazyTruth.Value;

    /// <summary>Opens the embedded sessions CSV (UTF-8). The caller disposes the stream.</summary>
    public static Stream OpenSessionsCsv() => Open(SessionsResource);

    /// <summary>The embedded sessions CSV as text.</summary>
    public static string SessionsCsvText() => ReadText(SessionsResource);

    private static Stream Open(string name) =>
        typeof(DemoData).Assembly.GetManifestResourceStream(name)
        ?? throw new InvalidOperationException($"embedded resource '{name}' is missing from {typeof(DemoData).Assembly.GetName().Name}.");

    private static string ReadText(string name)
    {
        using var reader = new StreamReader(Open(name), Encoding.UTF8);
        return reader.ReadToEnd();
    }
}
