using System.Globalization;
using System.Reflection;
using CsvHelper;

namespace Nmt.Analytics.Data;

/// <summary>
/// The controlled vocabularies, embedded in the library straight from <c>data-schema/vocabularies/*.csv</c>
/// (one source of truth; columns <c>code,label,description</c>).
/// </summary>
public static class Vocabularies
{
    private const string ResourcePrefix = "Nmt.Analytics.Vocabularies.";

    private static readonly Lazy<IReadOnlyDictionary<string, Vocabulary>> All = new(LoadAll);

    /// <summary>Names of all vocabularies, sorted.</summary>
    public static IReadOnlyList<string> Names => [.. All.Value.Keys.Order(StringComparer.Ordinal)];

    /// <summary>The vocabulary called <paramref name="name"/> (e.g. <c>techniques</c>).</summary>
    /// <exception cref="KeyNotFoundException">No such vocabulary.</exception>
    public static Vocabulary Get(string name) =>
        All.Value.TryGetValue(name, out var vocabulary)
            ? vocabulary
            : throw new KeyNotFoundException($"No vocabulary '{name}'. Known: {string.Join(", ", Names)}.");

    /// <summary>Parses a vocabulary CSV (<c>code,label,description</c>, header required).</summary>
    public static Vocabulary Parse(string name, TextReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        using var csv = CsvReader.Create(reader, new CsvReaderOptions { Separator = ',', FormatProvider = CultureInfo.InvariantCulture }, leaveOpen: true);
        var entries = new List<VocabularyEntry>();
        while (csv.Read())
        {
            entries.Add(new VocabularyEntry(csv.GetString("code").Trim(), csv.GetString("label").Trim(), csv.GetString("description").Trim()));
        }
        return new Vocabulary(name, entries);
    }

    private static Dictionary<string, Vocabulary> LoadAll()
    {
        var assembly = typeof(Vocabularies).Assembly;
        var result = new Dictionary<string, Vocabulary>(StringComparer.Ordinal);
        foreach (var resource in assembly.GetManifestResourceNames())
        {
            if (resource.StartsWith(ResourcePrefix, StringComparison.Ordinal) && resource.EndsWith(".csv", StringComparison.Ordinal))
            {
                var name = resource[ResourcePrefix.Length..^4];
                result[name] = Read(assembly, resource, name);
            }
        }
        return result;
    }

    private static Vocabulary Read(Assembly assembly, string resource, string name)
    {
        using var stream = assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"Embedded vocabulary '{resource}' is missing.");
        using var reader = new StreamReader(stream);
        return Parse(name, reader);
    }
}
