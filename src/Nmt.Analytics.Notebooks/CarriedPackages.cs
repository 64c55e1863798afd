using System.Reflection;

namespace Nmt.Analytics.Notebooks;

/// <summary>
/// The NuGet packages the executor itself carries (Nmt.Analytics and its dependencies). <c>#r "nuget: …"</c> in a
/// notebook is satisfied from these, since the executor cannot download packages.
/// </summary>
internal static class CarriedPackages
{
    /// <summary>Package id → an assembly of that package already loaded with the executor.</summary>
    private static readonly Dictionary<string, Assembly> Packages = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Nmt.Analytics"] = typeof(Results.ResultTable).Assembly,
        ["ScottPlot"] = typeof(ScottPlot.Plot).Assembly,
        ["MathNet.Numerics"] = typeof(MathNet.Numerics.Control).Assembly,
        ["Microsoft.Data.Analysis"] = typeof(Microsoft.Data.Analysis.DataFrame).Assembly,
        ["Microsoft.ML"] = typeof(Microsoft.ML.MLContext).Assembly,
        ["Microsoft.ML.FastTree"] = typeof(Microsoft.ML.Trainers.FastTree.FastTreeRegressionTrainer).Assembly,
        ["Microsoft.ML.LightGbm"] = typeof(Microsoft.ML.Trainers.LightGbm.LightGbmRegressionTrainer).Assembly,
        ["CsvHelper"] = typeof(CsvHelper.CsvReader).Assembly,
        ["Parquet.Net"] = typeof(Parquet.ParquetReader).Assembly,
        ["SkiaSharp"] = typeof(SkiaSharp.SKBitmap).Assembly,
    };

    /// <summary>The ids, for messages.</summary>
    public static string Names => string.Join(", ", Packages.Keys.Order(StringComparer.Ordinal));

    /// <summary>Every carried assembly (added to each script's references).</summary>
    public static IEnumerable<Assembly> Assemblies => Packages.Values.Distinct();

    public static bool TryGet(string id, out Assembly assembly) => Packages.TryGetValue(id, out assembly!);

    /// <summary>The carried assembly whose file name matches <paramref name="fileName"/> (e.g. a <c>#r</c> of a built Nmt.Analytics.dll).</summary>
    public static Assembly? ByFileName(string fileName) =>
        Packages.Values.FirstOrDefault(a => string.Equals(Path.GetFileName(a.Location), fileName, StringComparison.OrdinalIgnoreCase));

    /// <summary>The package version an assembly was built as (informational version without the commit suffix).</summary>
    public static string VersionOf(Assembly assembly)
    {
        var info = assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion;
        var version = info ?? assembly.GetName().Version?.ToString() ?? "?";
        var plus = version.IndexOf('+', StringComparison.Ordinal);
        return plus > 0 ? version[..plus] : version;
    }
}
