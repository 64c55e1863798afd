using Nmt.Analytics.Data;

namespace Nmt.Analytics.Evidence;

/// <summary>
/// The bundled SYNTHETIC study table (<c>data/demo/studies.csv</c>): 13 invented trials of NMT techniques with pain
/// means/SDs per arm. Illustrative only — not real published data.
/// </summary>
public static class DemoStudies
{
    private const string ResourceName = "Nmt.Analytics.Evidence.studies.csv";

    /// <summary>Opens the embedded CSV.</summary>
    public static Stream OpenCsv() =>
        typeof(DemoStudies).Assembly.GetManifestResourceStream(ResourceName)
        ?? throw new InvalidOperationException($"embedded resource {ResourceName} is missing from the build.");

    /// <summary>The demo table, read with <see cref="StudyTableReader"/>.</summary>
    public static ColumnTable Load()
    {
        using var reader = new StreamReader(OpenCsv());
        return StudyTableReader.Read(reader);
    }
}
