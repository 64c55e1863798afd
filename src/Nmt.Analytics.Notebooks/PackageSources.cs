using System.Xml.Linq;

namespace Nmt.Analytics.Notebooks;

/// <summary>
/// Where <c>#r "nuget: …"</c> looks, like a .NET Interactive kernel without a network: the NuGet global packages
/// folder (what any earlier restore extracted), the local-folder sources of the <c>nuget.config</c> files NuGet
/// would read from the notebook's folder (that folder and its parents, then the user's config), and the folders
/// named by <c>#i "nuget: …"</c>. Web sources are skipped: this executor never downloads.
/// </summary>
public sealed class PackageSources
{
    private readonly List<string> _folders = [];

    /// <summary>Sources for a notebook in <paramref name="notebookFolder"/>.</summary>
    public PackageSources(string notebookFolder)
        : this(notebookFolder, Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } custom
            ? custom
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages"))
    {
    }

    /// <summary>Sources for a notebook in <paramref name="notebookFolder"/> with another global packages folder (tests).</summary>
    internal PackageSources(string notebookFolder, string globalPackagesFolder)
    {
        GlobalPackagesFolder = globalPackagesFolder;
        foreach (var config in ConfigFiles(notebookFolder))
        {
            foreach (var folder in LocalSources(config))
            {
                Add(folder);
            }
        }
    }

    /// <summary>NuGet's global packages folder (<c>NUGET_PACKAGES</c>, else <c>~/.nuget/packages</c>).</summary>
    public string GlobalPackagesFolder { get; }

    /// <summary>Local package folders, in the order they were found.</summary>
    public IReadOnlyList<string> Folders => _folders;

    /// <summary>
    /// Adds the source of an <c>#i "nuget: SOURCE"</c> line. The kernel accepts absolute paths and URLs only (it
    /// parses the source as a URI), so a relative path is refused here too, with the portable alternative.
    /// </summary>
    public void Include(string source, int line)
    {
        var trimmed = source.Trim();
        if (Uri.TryCreate(trimmed, UriKind.Absolute, out var uri) && !uri.IsFile)
        {
            return; // a web feed: nothing to read offline; the NuGet cache stands in for it
        }
        if (!Path.IsPathRooted(trimmed) && uri is null)
        {
            throw new CellRefusedException(
                $"line {line}: #i \"nuget: {trimmed}\": a package source must be an absolute path or URL (a .NET Interactive kernel rejects relative ones); " +
                "for a folder beside the notebook, name it in a nuget.config next to the notebook instead");
        }
        var folder = uri?.LocalPath ?? trimmed;
        if (!Directory.Exists(folder))
        {
            throw new CellRefusedException($"line {line}: #i \"nuget: {trimmed}\": no such folder");
        }
        Add(folder);
    }

    /// <summary>Everything searched, for messages.</summary>
    public string Describe() => string.Join(", ", new[] { GlobalPackagesFolder }.Concat(_folders));

    private void Add(string folder)
    {
        var full = Path.GetFullPath(folder);
        if (!_folders.Contains(full, StringComparer.Ordinal))
        {
            _folders.Add(full);
        }
    }

    private static IEnumerable<string> ConfigFiles(string folder)
    {
        for (var dir = new DirectoryInfo(Path.GetFullPath(folder)); dir is not null; dir = dir.Parent)
        {
            foreach (var name in new[] { "nuget.config", "NuGet.config", "NuGet.Config" })
            {
                var path = Path.Combine(dir.FullName, name);
                if (File.Exists(path))
                {
                    yield return path;
                    break;
                }
            }
        }
        var user = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "NuGet", "NuGet.Config");
        if (File.Exists(user))
        {
            yield return user;
        }
    }

    /// <summary>The <c>packageSources/add</c> values of a config that are local folders, resolved against the config's folder.</summary>
    private static IEnumerable<string> LocalSources(string config)
    {
        XDocument document;
        try
        {
            document = XDocument.Load(config);
        }
        catch (System.Xml.XmlException)
        {
            yield break; // NuGet itself reports a broken config; nothing to read here
        }
        var baseFolder = Path.GetDirectoryName(config)!;
        foreach (var add in document.Root?.Element("packageSources")?.Elements("add") ?? [])
        {
            var value = add.Attribute("value")?.Value;
            if (string.IsNullOrWhiteSpace(value) || (Uri.TryCreate(value, UriKind.Absolute, out var uri) && !uri.IsFile))
            {
                continue;
            }
            var folder = Path.GetFullPath(Path.Combine(baseFolder, value));
            if (Directory.Exists(folder))
            {
                yield return folder;
            }
        }
    }
}
