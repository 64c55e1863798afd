using Nmt.Analytics.Data;
using Nmt.Analytics.Evidence;
using Nmt.Analytics.Reports;
using Nmt.Analytics.Synthetic;

namespace Nmt.Analytics.Tests.Reports;

/// <summary>Builds the demo report once (as <c>nmt report --demo</c> does) for all report tests.</summary>
public sealed class EvidenceReportFixture : IDisposable
{
    public EvidenceReportFixture()
    {
        using var stream = DemoData.OpenSessionsCsv();
        Dataset = SessionDataset.Load(stream, "demo data (simulated)");
        Directory = Path.Combine(Path.GetTempPath(), "nmt-report-" + Guid.NewGuid().ToString("N"));
        var inputs = new ReportInputs(Dataset.Table, Dataset.SourceName, Dataset.Exclusions, DemoStudies.Load());
        Result = EvidenceReport.Write(inputs, Directory, new ReportOptions(Seed: 3));
        Html = File.ReadAllText(Path.Combine(Directory, "index.html"));
    }

    public SessionDataset Dataset { get; }

    public string Directory { get; }

    public ReportResult Result { get; }

    public string Html { get; }

    public void Dispose() => System.IO.Directory.Delete(Directory, recursive: true);
}
