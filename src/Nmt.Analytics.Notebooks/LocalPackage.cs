using System.Xml.Linq;

namespace Nmt.Analytics.Notebooks;

/// <summary>One package version found on this machine, unpacked in <see cref="Root"/>: its dependencies and assemblies for this runtime.</summary>
/// <param name="Id">The package id.</param>
/// <param name="Version">The version.</param>
/// <param name="Root">The folder holding the unpacked package (its <c>.nuspec</c> and <c>lib/</c>).</param>
internal sealed record LocalPackage(string Id, PackageVersion Version, string Root)
{
    /// <summary>The (id, version range) dependencies of the dependency group that fits this runtime best.</summary>
    public IReadOnlyList<(string Id, string? Range)> Dependencies()
    {
        var nuspec = Directory.GetFiles(Root, "*.nuspec").FirstOrDefault();
        if (nuspec is null)
        {
            return [];
        }
        var dependencies = XDocument.Load(nuspec).Descendants().FirstOrDefault(e => e.Name.LocalName == "dependencies");
        if (dependencies is null)
        {
            return [];
        }
        var groups = dependencies.Elements().Where(e => e.Name.LocalName == "group").ToList();
        IEnumerable<XElement> chosen = dependencies.Elements().Where(e => e.Name.LocalName == "dependency");
        if (groups.Count > 0)
        {
            var best = TargetFrameworks.Best(groups.Select(g => g.Attribute("targetFramework")?.Value ?? ""));
            chosen = best is null
                ? []
                : groups.First(g => (g.Attribute("targetFramework")?.Value ?? "") == best).Elements().Where(e => e.Name.LocalName == "dependency");
        }
        return chosen
            .Select(d => (Id: d.Attribute("id")?.Value ?? "", Range: d.Attribute("version")?.Value))
            .Where(d => d.Id.Length > 0)
            .ToList();
    }

    /// <summary>The assemblies of <c>lib/&lt;best framework&gt;/</c> (compile and run assets of a plain library package).</summary>
    public IReadOnlyList<string> Assemblies()
    {
        var lib = Path.Combine(Root, "lib");
        if (!Directory.Exists(lib))
        {
            return [];
        }
        var frameworks = Directory.GetDirectories(lib).Select(Path.GetFileName).OfType<string>();
        var best = TargetFrameworks.Best(frameworks);
        var folder = best is null ? lib : Path.Combine(lib, best);
        return Directory.GetFiles(folder, "*.dll").Order(StringComparer.Ordinal).ToList();
    }
}
