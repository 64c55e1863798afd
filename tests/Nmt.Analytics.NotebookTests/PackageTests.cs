using System.IO.Compression;
using System.Xml.Linq;

namespace Nmt.Analytics.NotebookTests;

public class PackageTests
{
    /// <summary>
    /// <c>bash notebooks/setup</c> packs the library for the notebooks: net8.0 and net10.0 assemblies (the last .NET
    /// Interactive kernels run on .NET 8–10), and its dependencies declared, so <c>#r "nuget: Nmt.Analytics"</c> brings them.
    /// </summary>
    [Fact]
    public void The_packed_library_holds_net8_and_net10_assemblies_and_declares_its_dependencies()
    {
        var package = Assert.Single(Directory.GetFiles(PackedLibrary.Folder, "Nmt.Analytics.*.nupkg"), p => char.IsAsciiDigit(Path.GetFileName(p)["Nmt.Analytics.".Length]));

        using var zip = ZipFile.OpenRead(package);
        var entries = zip.Entries.Select(e => e.FullName).ToHashSet(StringComparer.Ordinal);
        Assert.Contains("lib/net8.0/Nmt.Analytics.dll", entries);
        Assert.Contains("lib/net10.0/Nmt.Analytics.dll", entries);
        using var nuspec = zip.GetEntry("Nmt.Analytics.nuspec")!.Open();
        var dependencies = XDocument.Load(nuspec).Descendants().Where(e => e.Name.LocalName == "dependency")
            .Select(e => e.Attribute("id")!.Value).ToHashSet(StringComparer.Ordinal);
        Assert.Superset(new HashSet<string>(["CsvHelper", "MathNet.Numerics", "ScottPlot", "Microsoft.ML", "Microsoft.Data.Analysis", "Parquet.Net"]), dependencies);
    }
}
