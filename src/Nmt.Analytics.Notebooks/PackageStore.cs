using System.IO.Compression;

namespace Nmt.Analytics.Notebooks;

/// <summary>
/// Finds package versions in <see cref="PackageSources"/>: unpacked in the NuGet global packages folder (a folder
/// per id and version, complete once NuGet wrote its <c>.nupkg.metadata</c>), or as <c>Id.Version.nupkg</c> in a
/// local source folder, which is unpacked into a private temporary folder (NuGet's own folder is left alone).
/// </summary>
internal sealed class PackageStore(PackageSources sources)
{
    /// <summary>
    /// The version NuGet would pick: the lowest at or above <paramref name="minimum"/> (the highest when there is no
    /// minimum), from everything available; an extracted copy in the global folder wins over a source's .nupkg.
    /// </summary>
    public LocalPackage? Find(string id, PackageVersion? minimum)
    {
        var candidates = Global(id).Concat(Local(id))
            .Where(c => minimum is null || c.Version.CompareTo(minimum) >= 0)
            .ToList();
        if (candidates.Count == 0)
        {
            return null;
        }
        var version = minimum is null ? candidates.Max(c => c.Version)! : candidates.Min(c => c.Version)!;
        var chosen = candidates.Where(c => c.Version.SameAs(version)).OrderBy(c => c.Nupkg is null ? 0 : 1).First();
        return new LocalPackage(id, chosen.Version, chosen.Folder ?? Unpack(id, chosen.Version, chosen.Nupkg!));
    }

    private IEnumerable<(PackageVersion Version, string? Folder, string? Nupkg)> Global(string id)
    {
        var root = Path.Combine(sources.GlobalPackagesFolder, id.ToLowerInvariant());
        if (!Directory.Exists(root))
        {
            yield break;
        }
        foreach (var folder in Directory.GetDirectories(root))
        {
            if (PackageVersion.TryParse(Path.GetFileName(folder)) is { } version && File.Exists(Path.Combine(folder, ".nupkg.metadata")))
            {
                yield return (version, folder, null);
            }
        }
    }

    private IEnumerable<(PackageVersion Version, string? Folder, string? Nupkg)> Local(string id)
    {
        var prefix = id + ".";
        foreach (var folder in sources.Folders)
        {
            var flat = Directory.GetFiles(folder, "*.nupkg");
            var nested = Path.Combine(folder, id.ToLowerInvariant());
            var hierarchical = Directory.Exists(nested) ? Directory.GetFiles(nested, "*.nupkg", SearchOption.AllDirectories) : [];
            foreach (var nupkg in flat.Concat(hierarchical))
            {
                var name = Path.GetFileNameWithoutExtension(nupkg);
                if (name.StartsWith(prefix, StringComparison.OrdinalIgnoreCase) && PackageVersion.TryParse(name[prefix.Length..]) is { } version)
                {
                    yield return (version, null, nupkg);
                }
            }
        }
    }

    /// <summary>Unpacks a .nupkg once per content (keyed by size and time), so a re-packed file is seen fresh.</summary>
    private static string Unpack(string id, PackageVersion version, string nupkg)
    {
        var info = new FileInfo(nupkg);
        var key = string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{info.Length:x}-{info.LastWriteTimeUtc.Ticks:x}");
        var target = Path.Combine(Path.GetTempPath(), "nmt-notebook-packages", id.ToLowerInvariant(), version.Text, key);
        if (!Directory.Exists(target))
        {
            var partial = target + ".partial-" + Environment.ProcessId;
            ZipFile.ExtractToDirectory(nupkg, partial, overwriteFiles: true);
            try
            {
                Directory.Move(partial, target);
            }
            catch (IOException) when (Directory.Exists(target))
            {
                Directory.Delete(partial, recursive: true); // another run unpacked it first
            }
        }
        return target;
    }
}
