using System.Globalization;
using Nmt.Analytics.Data;

namespace Nmt.Analytics.Evidence.EffectSizes;

/// <summary>
/// Turns a study table (see <c>data-schema/studies.schema.json</c>) into effect sizes, as metafor's <c>escalc()</c>
/// with its defaults. Impossible values stop with a message naming line and column; rows with a missing value in a
/// needed column are left out and reported.
/// </summary>
public static class EffectSizeCalculator
{
    /// <summary>The column holding study labels.</summary>
    public const string StudyColumn = "study";

    /// <summary>Computes effect sizes of <paramref name="measure"/> for every usable row of <paramref name="table"/>.</summary>
    /// <exception cref="NmtInputException">A needed column is absent, or a value is impossible (negative SD, n ≤ 0, vi ≤ 0 ...).</exception>
    public static EffectSizeSet Compute(ColumnTable table, EffectMeasure measure)
    {
        ArgumentNullException.ThrowIfNull(table);
        var columns = RequireColumns(table, measure);
        var labels = table.TryGetColumn(StudyColumn, out var c) ? c : null;
        var studies = new List<StudyEffect>();
        var kept = new List<int>();
        var excluded = new List<RowExclusion>();
        var notes = new List<string>();
        for (var row = 0; row < table.RowCount; row++)
        {
            var line = table.SourceLines[row];
            var missing = columns.FirstOrDefault(col => col.IsMissing(row));
            if (missing is not null)
            {
                excluded.Add(new RowExclusion(line, $"missing {missing.Name}"));
                continue;
            }
            var v = columns.Select(col => col[row]).ToArray();
            var label = Label(labels, row, line);
            var (yi, vi, n) = ComputeRow(measure, v, line, label, notes);
            CheckScale(yi, vi, line);
            studies.Add(new StudyEffect(label, yi, vi, line, n));
            kept.Add(row);
        }
        if (labels is null)
        {
            notes.Add($"no '{StudyColumn}' column: studies are labelled by their line in the file.");
        }
        return new EffectSizeSet(measure, studies, table.Take(kept), excluded, notes);
    }

    private static NumericColumn[] RequireColumns(ColumnTable table, EffectMeasure measure)
    {
        var needed = measure.RequiredColumns();
        var absent = needed.Where(n => !table.Contains(n)).ToList();
        if (absent.Count > 0)
        {
            var hints = absent
                .Select(a => NameSuggester.Closest(a, table.ColumnNames) is { } s ? $"{a} (did you mean '{s}'?)" : a);
            throw new NmtInputException(
                $"measure {measure.Code()} needs columns {string.Join(", ", needed)}; missing: {string.Join(", ", hints)}. " +
                $"Columns present: {string.Join(", ", table.ColumnNames)}.");
        }
        return needed.Select(n => table[n] as NumericColumn
            ?? throw new NmtInputException($"column '{n}' must be numeric for measure {measure.Code()}.", null, n)).ToArray();
    }

    /// <summary>
    /// Effects so large that the weighted sums overflow (|yi| or vi beyond 1e100, e.g. a yi of 1e308) are typing
    /// errors, refused with their line rather than turned into infinities inside the estimator.
    /// </summary>
    private static void CheckScale(double yi, double vi, long line)
    {
        const double limit = 1e100;
        if (!double.IsFinite(yi) || !double.IsFinite(vi) || Math.Abs(yi) > limit || vi > limit)
        {
            throw new NmtInputException(string.Create(CultureInfo.InvariantCulture,
                $"the effect (yi = {yi:G6}, vi = {vi:G6}) is out of any plausible range (|yi| and vi must be below 1e100); check the value."), line, "yi");
        }
    }

    private static string Label(TableColumn? labels, int row, long line) => labels switch
    {
        TextColumn t when t[row] is { } s => s,
        NumericColumn n when !n.IsMissing(row) => n[row].ToString(CultureInfo.InvariantCulture),
        _ => "line " + line.ToString(CultureInfo.InvariantCulture),
    };

    private static (double Yi, double Vi, double N) ComputeRow(EffectMeasure measure, double[] v, long line, string label, List<string> notes)
    {
        switch (measure)
        {
            case EffectMeasure.MeanDifference:
            case EffectMeasure.StandardizedMeanDifference:
                CheckMeans(v, line, measure);
                var (yi, vi) = measure == EffectMeasure.MeanDifference
                    ? MeanDifference.Compute(v[0], v[1], v[2], v[3], v[4], v[5])
                    : HedgesG.Compute(v[0], v[1], v[2], v[3], v[4], v[5]);
                return (yi, CheckVariance(vi, line, "sd1"), v[2] + v[5]);
            case EffectMeasure.RiskRatio:
            case EffectMeasure.OddsRatio:
                CheckCounts(v, line, label, notes);
                var (ly, lv) = measure == EffectMeasure.RiskRatio
                    ? LogRiskRatio.Compute(v[0], v[1], v[2], v[3])
                    : LogOddsRatio.Compute(v[0], v[1], v[2], v[3]);
                return (ly, lv, v.Sum());
            case EffectMeasure.RiskDifference:
                CheckCounts(v, line, label, notes);
                var (dy, dv) = RiskDifference.Compute(v[0], v[1], v[2], v[3]);
                return (dy, CheckVariance(dv, line, "ai"), v.Sum());
            default:
                return (v[0], CheckVariance(v[1], line, "vi"), double.NaN);
        }
    }

    private static void CheckMeans(double[] v, long line, EffectMeasure measure)
    {
        string[] names = ["m1", "sd1", "n1", "m2", "sd2", "n2"];
        foreach (var j in new[] { 1, 4 })
        {
            if (v[j] < 0)
            {
                throw new NmtInputException($"standard deviation is negative ({Fmt(v[j])}); an SD must be ≥ 0.", line, names[j]);
            }
        }
        foreach (var j in new[] { 2, 5 })
        {
            if (v[j] <= 0)
            {
                throw new NmtInputException($"group size must be positive, got {Fmt(v[j])}.", line, names[j]);
            }
        }
        if (measure == EffectMeasure.StandardizedMeanDifference && v[2] + v[5] <= 3)
        {
            throw new NmtInputException("SMD needs n1 + n2 > 3 for Hedges' correction.", line, "n2");
        }
        if (measure == EffectMeasure.StandardizedMeanDifference && v[1] == 0 && v[4] == 0)
        {
            throw new NmtInputException("both SDs are 0, so the standardized mean difference is undefined.", line, "sd1");
        }
    }

    private static void CheckCounts(double[] v, long line, string label, List<string> notes)
    {
        string[] names = ["ai", "bi", "ci", "di"];
        for (var j = 0; j < 4; j++)
        {
            if (v[j] < 0)
            {
                throw new NmtInputException($"a count cannot be negative, got {Fmt(v[j])}.", line, names[j]);
            }
        }
        if (v[0] + v[1] == 0 || v[2] + v[3] == 0)
        {
            throw new NmtInputException("a group has no participants (ai + bi = 0 or ci + di = 0).", line, v[0] + v[1] == 0 ? "bi" : "di");
        }
        if (ZeroCellCorrection.DoubleZero(v[0], v[1], v[2], v[3]))
        {
            notes.Add($"{label} (line {line}) has no events (or only events) in both arms: it carries almost no information on a ratio; " +
                      "it is kept with the 0.5 correction as metafor does by default (drop00 = FALSE) — consider leaving it out.");
        }
        else if (ZeroCellCorrection.Needed(v[0], v[1], v[2], v[3]))
        {
            notes.Add($"{label} (line {line}) has a zero cell: 0.5 added to all four cells (metafor's default).");
        }
    }

    private static double CheckVariance(double vi, long line, string column) =>
        vi > 0 && double.IsFinite(vi)
            ? vi
            : throw new NmtInputException(
                $"sampling variance is {Fmt(vi)}; it must be positive (a zero variance would give the study infinite weight).", line, column);

    private static string Fmt(double x) => x.ToString("G6", CultureInfo.InvariantCulture);
}
