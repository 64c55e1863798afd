using Nmt.Analytics.Data;
using Nmt.Analytics.Evidence.EffectSizes;
using Nmt.Analytics.Results;

namespace Nmt.Analytics.Evidence;

/// <summary>
/// Subgroup analysis: a separate model per level of a categorical column, and the test for subgroup differences
/// Q_between — the Q statistic of a fixed-effect meta-analysis of the subgroup estimates (Borenstein et al. 2009, ch. 19),
/// i.e. metafor's <c>rma(est, sei = se, method = "FE")</c> on the per-subgroup fits.
/// </summary>
public sealed class SubgroupAnalysis
{
    private SubgroupAnalysis(string column, IReadOnlyList<(string Level, MetaAnalysisResult Fit)> groups,
        IReadOnlyList<string> skipped, double qBetween, int df, double p, IReadOnlyList<RowExclusion> excluded)
    {
        Column = column;
        Groups = groups;
        Skipped = skipped;
        QBetween = qBetween;
        QBetweenDf = df;
        QBetweenPValue = p;
        Excluded = excluded;
    }

    /// <summary>The subgroup column.</summary>
    public string Column { get; }

    /// <summary>Each level with its own meta-analysis (levels in sorted order).</summary>
    public IReadOnlyList<(string Level, MetaAnalysisResult Fit)> Groups { get; }

    /// <summary>Levels with a single study (not pooled; named in the notes).</summary>
    public IReadOnlyList<string> Skipped { get; }

    /// <summary>Test statistic for subgroup differences.</summary>
    public double QBetween { get; }

    /// <summary>Degrees of freedom of <see cref="QBetween"/> (number of pooled subgroups − 1).</summary>
    public int QBetweenDf { get; }

    /// <summary>p-value of <see cref="QBetween"/>.</summary>
    public double QBetweenPValue { get; }

    /// <summary>Studies without a subgroup value.</summary>
    public IReadOnlyList<RowExclusion> Excluded { get; }

    /// <summary>Runs the analysis on the categorical column <paramref name="column"/> of the study table.</summary>
    /// <exception cref="NmtInputException">Unknown column, or fewer than two subgroups with at least two studies.</exception>
    public static SubgroupAnalysis Fit(EffectSizeSet effects, string column, MetaAnalysisOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(effects);
        options ??= new MetaAnalysisOptions();
        var values = Labels(effects.Rows[column]);
        var excluded = Enumerable.Range(0, effects.Count).Where(i => values[i] is null)
            .Select(i => new RowExclusion(effects.Studies[i].Line, $"missing {column}")).ToArray();
        var groups = new List<(string, MetaAnalysisResult)>();
        var skipped = new List<string>();
        foreach (var level in values.OfType<string>().Distinct().Order(StringComparer.Ordinal))
        {
            var rows = Enumerable.Range(0, effects.Count).Where(i => values[i] == level).ToArray();
            if (rows.Length < 2)
            {
                skipped.Add(level);
                continue;
            }
            groups.Add((level, MetaAnalysis.Fit(effects.Subset(rows), options)));
        }
        if (groups.Count < 2)
        {
            throw new NmtInputException($"subgroup analysis needs at least two levels of '{column}' with 2 or more studies each; found {groups.Count}.", null, column);
        }
        var between = MetaAnalysis.Fit(
            groups.Select(g => new StudyEffect(g.Item1, g.Item2.Estimate, g.Item2.StdError * g.Item2.StdError)).ToArray(),
            effects.Measure, new MetaAnalysisOptions { Method = Tau2Method.FixedEffect });
        return new SubgroupAnalysis(column, groups, skipped, between.Q, groups.Count - 1, between.QPValue, excluded);
    }

    /// <summary>One row per subgroup: k, estimate, SE, CI, p, τ², I², Q (plus exp_* for ratios); Q_between in the notes.</summary>
    public ResultTable Tidy()
    {
        var first = Groups[0].Fit;
        var ratio = first.Measure.IsRatio();
        string[] columns = ["subgroup", "k", "estimate", "std_error", "ci_low", "ci_high", "p_value", "pi_low", "pi_high", "tau2", "i2", "q"];
        var table = new ResultTable($"Subgroups by {Column} ({first.Options.MethodCode})", ratio ? [.. columns, "exp_estimate", "exp_ci_low", "exp_ci_high"] : columns);
        foreach (var (level, r) in Groups)
        {
            object?[] cells = [level, r.K, r.Estimate, r.StdError, r.CiLow, r.CiHigh, r.PValue, r.PiLow, r.PiHigh, r.Tau2, r.I2, r.Q];
            table.AddRow(ratio ? [.. cells, r.ExpEstimate, r.ExpCiLow, r.ExpCiHigh] : cells);
        }
        table.AddNote(string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"test for subgroup differences: Q_between = {QBetween:G5}, df = {QBetweenDf}, p = {QBetweenPValue:G4}."));
        foreach (var level in Skipped)
        {
            table.AddNote($"subgroup '{level}' has a single study and is not pooled.");
        }
        foreach (var e in Excluded)
        {
            table.AddNote($"line {e.Line} left out: {e.Reason}.");
        }
        return table;
    }

    private static string?[] Labels(TableColumn column) => column switch
    {
        TextColumn t => t.Values,
        NumericColumn n => n.Values.Select(v => double.IsNaN(v) ? null : v.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray(),
        _ => throw new NmtInputException("a subgroup column must be categorical.", null, column.Name),
    };
}
