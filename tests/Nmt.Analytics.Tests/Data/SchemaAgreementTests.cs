using System.Globalization;
using System.Text.Json.Nodes;
using Nmt.Analytics.Data;

namespace Nmt.Analytics.Tests.Data;

/// <summary>The dictionary (source of truth), the JSON schema, the vocabularies and the C# model must agree.</summary>
public class SchemaAgreementTests
{
    private static List<Dictionary<string, string>> DictionaryRows()
    {
        var lines = File.ReadAllLines(Path.Combine(RepoFiles.SchemaDir, "data-dictionary.md"));
        var start = Array.IndexOf(lines, "<!-- columns:begin -->");
        var end = Array.IndexOf(lines, "<!-- columns:end -->");
        var table = lines[(start + 1)..end].Where(l => l.StartsWith('|')).ToList();
        var header = Cells(table[0]);
        return [.. table.Skip(2).Select(l => header.Zip(Cells(l)).ToDictionary(p => p.First, p => p.Second))];
    }

    private static string[] Cells(string line) => [.. line.Trim().Trim('|').Split('|').Select(c => c.Trim())];

    private static JsonObject SchemaProperties() =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(RepoFiles.SchemaDir, "sessions.schema.json")))!["properties"]!.AsObject();

    private static string Range(double? min, double? max) =>
        min is null && max is null ? "" : $"{F(min)}..{F(max)}";

    private static string F(double? v) => v?.ToString("R", CultureInfo.InvariantCulture) ?? "";

    [Fact]
    public void Dictionary_lists_exactly_the_model_columns_with_the_same_kinds_flags_and_ranges()
    {
        var rows = DictionaryRows();
        Assert.Equal(SessionSchema.Columns.Select(c => c.Name), rows.Select(r => r["name"]));
        foreach (var (spec, row) in SessionSchema.Columns.Zip(rows))
        {
            Assert.Equal(spec.KindName, row["type"]);
            Assert.Equal(spec.Required, row["required"].StartsWith("yes", StringComparison.Ordinal));
            Assert.Equal(spec.Required && !spec.ValueRequired, row["required"].Contains("may be empty", StringComparison.Ordinal));
            Assert.Equal(Range(spec.Min, spec.Max), row["range"]);
            Assert.Equal(Range(spec.PlausibleMin, spec.PlausibleMax), row["plausible"]);
            Assert.Equal(spec.Unit ?? "", row["unit"]);
            Assert.Equal(spec.Concept, row["NMT concept"]);
            Assert.Equal(spec.Vocabulary is null ? "" : $"vocabulary `{spec.Vocabulary}`",
                row["coding/vocabulary"].StartsWith("vocabulary", StringComparison.Ordinal) ? row["coding/vocabulary"] : "");
            Assert.False(string.IsNullOrWhiteSpace(row["meaning"]));
        }
    }

    [Fact]
    public void Json_schema_agrees_with_the_model()
    {
        var root = JsonNode.Parse(File.ReadAllText(Path.Combine(RepoFiles.SchemaDir, "sessions.schema.json")))!;
        Assert.Equal("https://json-schema.org/draft/2020-12/schema", (string?)root["$schema"]);
        Assert.Equal(SessionSchema.RequiredColumns, root["required"]!.AsArray().Select(n => (string)n!));
        Assert.True((bool)root["additionalProperties"]!);
        var properties = SchemaProperties();
        Assert.Equal(SessionSchema.Columns.Select(c => c.Name), properties.Select(p => p.Key));
        foreach (var spec in SessionSchema.Columns)
        {
            var p = properties[spec.Name]!;
            Assert.Equal(spec.KindName, (string?)p["x-nmt-kind"]);
            Assert.Equal(spec.Min, (double?)p["minimum"]);
            Assert.Equal(spec.Max, (double?)p["maximum"]);
            Assert.Equal(spec.PlausibleMin, (double?)p["x-nmt-plausible-minimum"]);
            Assert.Equal(spec.PlausibleMax, (double?)p["x-nmt-plausible-maximum"]);
            Assert.Equal(spec.Vocabulary, (string?)p["x-nmt-vocabulary"]);
            Assert.Equal(spec.ValueRequired, p["type"] is JsonValue);
            if (spec.Kind == ColumnKind.Code)
            {
                var codes = p["enum"]!.AsArray().Where(n => n is not null).Select(n => (string)n!);
                Assert.Equal(Vocabularies.Get(spec.Vocabulary!).Codes, codes);
            }
        }
    }

    [Fact]
    public void Embedded_vocabularies_are_the_files_in_data_schema()
    {
        var files = Directory.GetFiles(Path.Combine(RepoFiles.SchemaDir, "vocabularies"), "*.csv")
            .Select(f => Path.GetFileNameWithoutExtension(f)).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(files, Vocabularies.Names);
        foreach (var name in files)
        {
            using var reader = new StreamReader(Path.Combine(RepoFiles.SchemaDir, "vocabularies", name + ".csv"));
            var fromFile = Vocabularies.Parse(name, reader);
            Assert.Equal(fromFile.Entries, Vocabularies.Get(name).Entries);
        }
        var used = SessionSchema.Columns.Select(c => c.Vocabulary).OfType<string>().ToHashSet();
        Assert.Subset(files.ToHashSet(), used);
    }

    [Theory]
    [InlineData("techniques", "ischemic_compression,positional_release,strain_counterstrain,muscle_energy,init,soft_tissue_release,stacking,induration,other")]
    [InlineData("regions", "head_jaw,cervical,thoracic,lumbar,pelvis_hip,shoulder,elbow_forearm,wrist_hand,knee,ankle_foot,multiple")]
    [InlineData("sex", "F,M,X,U")]
    [InlineData("age_bands", "<18,18-29,30-39,40-49,50-59,60-69,70-79,80+")]
    public void Contract_codes_are_present_exactly(string vocabulary, string codes)
    {
        var known = Vocabularies.Get(vocabulary);
        Assert.All(codes.Split(','), code => Assert.True(known.Contains(code), $"{vocabulary} lacks '{code}'"));
    }
}
