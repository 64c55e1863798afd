using System.IO.Compression;
using Nmt.Analytics.Notebooks;

namespace Nmt.Analytics.NotebookTests;

/// <summary><c>#r "nuget:"</c> resolution over a made-up global packages folder and a local source folder.</summary>
public sealed class PackageResolutionTests : IDisposable
{
    private readonly DirectoryInfo _temp = Directory.CreateTempSubdirectory("nmt-packages-");

    private string Global => Path.Combine(_temp.FullName, "global");

    private string Source => Path.Combine(_temp.FullName, "source");

    public void Dispose() => _temp.Delete(recursive: true);

    [Theory]
    [InlineData("1.0.0-beta", "1.0.0", -1)]
    [InlineData("1.10", "1.9.0", 1)]
    [InlineData("2.0", "2.0.0.0", 0)]
    [InlineData("0.23.1", "0.23.1+abc", 0)]
    public void Versions_compare_numerically_and_a_prerelease_comes_first(string a, string b, int sign) =>
        Assert.Equal(sign, Math.Sign(PackageVersion.TryParse(a)!.CompareTo(PackageVersion.TryParse(b))));

    [Theory]
    [InlineData("3.119.0", "3.119.0")]
    [InlineData("[3.119.0, )", "3.119.0")]
    [InlineData("[1.2.3]", "1.2.3")]
    [InlineData("(, 2.0)", null)]
    public void A_dependency_range_gives_its_minimum(string range, string? minimum) =>
        Assert.Equal(minimum, PackageVersion.MinimumOf(range)?.Text);

    [Fact]
    public void The_nearest_usable_framework_wins() =>
        Assert.Equal("net8.0", TargetFrameworks.Best(["net462", "netstandard2.0", "net8.0", "net10.0-android", "netcoreapp3.1"]));

    [Fact]
    public void A_package_from_a_local_folder_brings_its_dependency_closure_from_the_cache()
    {
        Nupkg(Source, "Alpha", "1.0.0", """<group targetFramework="net8.0"><dependency id="Beta" version="[2.0.0, )" /></group><group targetFramework="net462"><dependency id="Legacy" version="1.0" /></group>""");
        Extracted("Beta", "2.0.0", """<dependency id="Gamma" version="1.0.0" />""");
        Extracted("Beta", "2.1.0", "");
        Extracted("Gamma", "1.5.0", "");
        var notes = new List<string>();

        var assemblies = Resolver().Resolve([new PackageRequest("Alpha", "1.0.0", 1)], notes);

        Assert.Equal(["Alpha.dll", "Beta.dll", "Gamma.dll"], assemblies.Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.Contains(Path.Combine("beta", "2.0.0"), assemblies.Single(a => a.EndsWith("Beta.dll", StringComparison.Ordinal)), StringComparison.Ordinal);
        Assert.Empty(notes);
    }

    [Fact]
    public void A_missing_dependency_names_the_package_that_needs_it_and_where_it_looked()
    {
        Nupkg(Source, "Alpha", "1.0.0", """<dependency id="Beta" version="2.0.0" />""");

        var e = Assert.Throws<CellRefusedException>(() => Resolver().Resolve([new PackageRequest("Alpha", "1.0.0", 3)], new List<string>()));

        Assert.StartsWith("line 3: package 'Beta' (a dependency of Alpha 1.0.0), version 2.0.0 or later, was not found in ", e.Message, StringComparison.Ordinal);
        Assert.Contains(Source, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_second_version_of_a_package_already_added_is_refused_like_the_kernel()
    {
        Extracted("Beta", "2.0.0", "");
        Extracted("Beta", "2.1.0", "");
        var resolver = Resolver();
        resolver.Resolve([new PackageRequest("Beta", "2.0.0", 1)], new List<string>());

        var e = Assert.Throws<CellRefusedException>(() => resolver.Resolve([new PackageRequest("Beta", "2.1.0", 1)], new List<string>()));

        Assert.Equal("line 1: Beta version 2.1.0 cannot be added because version 2.0.0 was added previously", e.Message);
    }

    private NugetDirectiveResolver Resolver()
    {
        Directory.CreateDirectory(Source);
        var notebookFolder = Directory.CreateDirectory(Path.Combine(_temp.FullName, "notebook")).FullName;
        var sources = new PackageSources(notebookFolder, Global);
        sources.Include(Source, 1);
        return new NugetDirectiveResolver(sources);
    }

    private static string Nuspec(string id, string version, string dependencies) =>
        $"""<?xml version="1.0"?><package xmlns="http://schemas.microsoft.com/packaging/2013/05/nuspec.xsd"><metadata><id>{id}</id><version>{version}</version><dependencies>{dependencies}</dependencies></metadata></package>""";

    private static void Nupkg(string folder, string id, string version, string dependencies)
    {
        Directory.CreateDirectory(folder);
        using var zip = ZipFile.Open(Path.Combine(folder, $"{id}.{version}.nupkg"), ZipArchiveMode.Create);
        using (var writer = new StreamWriter(zip.CreateEntry($"{id}.nuspec").Open()))
        {
            writer.Write(Nuspec(id, version, dependencies));
        }
        using (var writer = new StreamWriter(zip.CreateEntry($"lib/net8.0/{id}.dll").Open()))
        {
            writer.Write("not really an assembly");
        }
    }

    private void Extracted(string id, string version, string dependencies)
    {
        var root = Directory.CreateDirectory(Path.Combine(Global, id.ToLowerInvariant(), version)).FullName;
        File.WriteAllText(Path.Combine(root, $"{id.ToLowerInvariant()}.nuspec"), Nuspec(id, version, dependencies));
        File.WriteAllText(Path.Combine(root, ".nupkg.metadata"), "{}");
        Directory.CreateDirectory(Path.Combine(root, "lib", "netstandard2.0"));
        File.WriteAllText(Path.Combine(root, "lib", "netstandard2.0", $"{id}.dll"), "not really an assembly");
    }
}
