using System.Globalization;

namespace Nmt.Analytics.Notebooks;

/// <summary>
/// Resolves a cell's <c>#r "nuget: Id, Version"</c> lines the way a .NET Interactive kernel's restore does, but
/// offline: each package and its dependency closure (nuspec dependency group for this runtime; per id the highest
/// minimum asked for, then the lowest version at or above it) come from <see cref="PackageSources"/>. Dependencies the
/// runtime itself provides are pruned, as NuGet prunes them for .NET 10. A package the kernel could not find in those
/// places fails here too, naming where it looked.
/// </summary>
public sealed class NugetDirectiveResolver
{
    private readonly PackageStore _store;
    private readonly PackageSources _sources;
    private readonly Dictionary<string, LocalPackage> _resolved = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, string?> _requested = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>A resolver over <paramref name="sources"/>; it remembers what earlier cells resolved.</summary>
    public NugetDirectiveResolver(PackageSources sources)
    {
        _sources = sources ?? throw new ArgumentNullException(nameof(sources));
        _store = new PackageStore(sources);
    }

    /// <summary>
    /// Resolves <paramref name="requests"/> (one cell's lines) and returns the assemblies of every package newly in the
    /// closure. <paramref name="notes"/> gets a line for each top-level package resolved to a version other than the one written.
    /// </summary>
    public IReadOnlyList<string> Resolve(IReadOnlyList<PackageRequest> requests, ICollection<string> notes)
    {
        ArgumentNullException.ThrowIfNull(requests);
        ArgumentNullException.ThrowIfNull(notes);
        var before = _resolved.Keys.ToHashSet(StringComparer.OrdinalIgnoreCase);
        var needed = new Dictionary<string, (PackageVersion? Minimum, string Why)>(StringComparer.OrdinalIgnoreCase);
        foreach (var request in requests)
        {
            CheckNotRequestedWithOtherVersion(request);
            var minimum = request.Version is null or "*" or "*-*" ? null : PackageVersion.MinimumOf(request.Version)
                ?? throw new CellRefusedException($"line {request.Line}: #r \"nuget: {request.Id}, {request.Version}\": not a version");
            needed[request.Id] = (minimum, $"line {request.Line}: package '{request.Id}'");
        }
        var queue = new Queue<string>(needed.Keys);
        while (queue.TryDequeue(out var id))
        {
            var (minimum, why) = needed[id];
            if (_resolved.TryGetValue(id, out var have) && (minimum is null || have.Version.CompareTo(minimum) >= 0))
            {
                continue;
            }
            var package = _store.Find(id, minimum) ?? throw NotFound(minimum, why);
            _resolved[id] = package;
            foreach (var (dependency, range) in package.Dependencies().Where(d => !ScriptEnvironment.ProvidedByRuntime(d.Id)))
            {
                var min = PackageVersion.MinimumOf(range);
                if (!needed.TryGetValue(dependency, out var current) || (min is not null && min.CompareTo(current.Minimum) > 0))
                {
                    needed[dependency] = (min, $"{needed[id].Why.Split(':')[0]}: package '{dependency}' (a dependency of {package.Id} {package.Version})");
                    queue.Enqueue(dependency);
                }
            }
        }
        foreach (var request in requests)
        {
            var got = _resolved[request.Id].Version;
            if (PackageVersion.MinimumOf(request.Version) is { } wanted && !got.SameAs(wanted))
            {
                notes.Add(string.Create(CultureInfo.InvariantCulture,
                    $"package '{request.Id}' {request.Version} was requested; {got} is the lowest version at or above it in {_sources.Describe()}"));
            }
        }
        return _resolved.Where(p => !before.Contains(p.Key))
            .SelectMany(p => p.Value.Assemblies())
            .ToList();
    }

    /// <summary>The kernel refuses a second version of a package already added; so does this.</summary>
    private void CheckNotRequestedWithOtherVersion(PackageRequest request)
    {
        if (_requested.TryGetValue(request.Id, out var earlier)
            && request.Version is not (null or "*" or "*-*")
            && !string.Equals(earlier, request.Version, StringComparison.OrdinalIgnoreCase))
        {
            throw new CellRefusedException(
                $"line {request.Line}: {request.Id} version {request.Version} cannot be added because version {earlier} was added previously");
        }
        _requested.TryAdd(request.Id, request.Version);
    }

    private CellRefusedException NotFound(PackageVersion? minimum, string why)
    {
        var wanted = minimum is null ? "" : $", version {minimum} or later,";
        return new CellRefusedException(
            $"{why}{wanted} was not found in {_sources.Describe()} (`nmt notebook run` does not download; " +
            "`bash notebooks/setup` packs Nmt.Analytics and restores its dependencies)");
    }
}
