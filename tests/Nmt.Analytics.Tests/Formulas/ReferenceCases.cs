using System.Text.Json;

namespace Nmt.Analytics.Tests.Formulas;

/// <summary>A JSON fixture holding an array of named reference cases (each with a <c>name</c>), read once.</summary>
internal sealed class ReferenceCases(string area, string file)
{
    private readonly Lazy<JsonElement[]> _cases = new(() =>
        JsonDocument.Parse(File.ReadAllText(ReferenceCsv.PathOf(area, file))).RootElement.EnumerateArray().ToArray());

    /// <summary>Every case, in file order.</summary>
    public IReadOnlyList<JsonElement> All => _cases.Value;

    /// <summary>The case called <paramref name="name"/>.</summary>
    public JsonElement Named(string name) => _cases.Value.Single(c => NameOf(c) == name);

    /// <summary>Case names as xunit theory data.</summary>
    public TheoryData<string> Names()
    {
        var data = new TheoryData<string>();
        foreach (var c in _cases.Value)
        {
            data.Add(NameOf(c));
        }
        return data;
    }

    /// <summary>The <c>name</c> of a case.</summary>
    public static string NameOf(JsonElement c) => c.GetProperty("name").GetString()!;
}
