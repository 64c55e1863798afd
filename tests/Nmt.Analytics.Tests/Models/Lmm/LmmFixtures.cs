using System.Text.Json;
using CsvHelper;
using MathNet.Numerics.LinearAlgebra;
using Nmt.Analytics.Data;
using Nmt.Analytics.Formulas;

namespace Nmt.Analytics.Tests.Models.Lmm;

/// <summary>
/// Reads the lme4 reference fixtures (CSV data + expected.json) and builds <see cref="ModelFrame"/>s by hand, the way
/// the formula layer would (R column names, treatment dummies listed explicitly), so the model is tested on its own.
/// </summary>
internal static class LmmFixtures
{
    private static readonly string Folder = Path.Combine(AppContext.BaseDirectory, "Models", "Lmm", "reference");
    private static readonly Lazy<JsonDocument> ExpectedDocument = new(() => JsonDocument.Parse(File.ReadAllText(Path.Combine(Folder, "expected.json"))));
    private static readonly Lazy<JsonDocument> GrowthDocument = new(() => JsonDocument.Parse(File.ReadAllText(Path.Combine(Folder, "growth", "growth_expected.json"))));
    private static readonly Lazy<JsonDocument> DefaultDocument = new(() => JsonDocument.Parse(File.ReadAllText(Path.Combine(Folder, "expected_default.json"))));

    /// <summary>lme4/lmerTest values at the optimum (tight optimiser tolerances).</summary>
    public static JsonElement Expected(string fit) => ExpectedDocument.Value.RootElement.GetProperty(fit);

    /// <summary>lme4/lmerTest values with lme4's default optimiser settings (converged only to ~1e-5).</summary>
    public static JsonElement ExpectedWithLme4Defaults(string fit) => DefaultDocument.Value.RootElement.GetProperty(fit);

    /// <summary>lme4/lmerTest values of the growth-curve fits (reference/growth/make_growth_fixtures.R).</summary>
    public static JsonElement ExpectedGrowth(string fit) => GrowthDocument.Value.RootElement.GetProperty(fit);

    /// <summary>Reads <c>reference/DATASET.csv</c>; <paramref name="dataset"/> may name a sub-folder (<c>growth/oxboys</c>).</summary>
    public static List<Row> Read(string dataset)
    {
        using var csv = CsvReader.FromFile(Path.Combine(Folder, dataset + ".csv"));
        var header = csv.Headers.ToList();
        var rows = new List<Row>();
        while (csv.Read())
        {
            rows.Add(new Row(header.ToDictionary(h => h, h => csv.GetString(h), StringComparer.Ordinal)));
        }
        return rows;
    }

    public static (string Name, Func<Row, double> Value) Intercept => ("(Intercept)", _ => 1.0);

    public static (string Name, Func<Row, double> Value) Numeric(string column) => (column, r => r.Num(column));

    public static (string Name, Func<Row, double> Value) Dummy(string column, string level) =>
        (column + level, r => r[column] == level ? 1.0 : 0.0);

    public static ModelFrame Frame(string formula, List<Row> rows, string response,
        IReadOnlyList<(string Name, Func<Row, double> Value)> fixedColumns, params RandomSpec[] random)
    {
        var y = Vector<double>.Build.Dense(rows.Count, i => rows[i].Num(response));
        var x = Matrix<double>.Build.Dense(rows.Count, fixedColumns.Count, (i, j) => fixedColumns[j].Value(rows[i]));
        var blocks = random.Select(spec => Block(spec, rows)).ToList();
        return new ModelFrame(formula, response, y, x, fixedColumns.Select(c => c.Name).ToList(), blocks,
            Enumerable.Range(0, rows.Count).ToList(), new List<RowExclusion>());
    }

    private static RandomEffectBlock Block(RandomSpec spec, List<Row> rows)
    {
        var keys = rows.Select(spec.Key).ToArray();
        var levels = keys.Distinct().OrderBy(k => k, StringComparer.Ordinal).ToList();
        var index = levels.Select((l, i) => (l, i)).ToDictionary(t => t.l, t => t.i, StringComparer.Ordinal);
        var z = Matrix<double>.Build.Dense(rows.Count, spec.Terms.Length, (i, j) => spec.Terms[j].Value(rows[i]));
        return new RandomEffectBlock(spec.Group, spec.Terms.Select(t => t.Name).ToList(), keys.Select(k => index[k]).ToArray(), levels, z);
    }
}
