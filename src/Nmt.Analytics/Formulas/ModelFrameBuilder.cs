using MathNet.Numerics.LinearAlgebra;
using Nmt.Analytics.Data;

namespace Nmt.Analytics.Formulas;

/// <summary>
/// Evaluates a formula on a table into a <see cref="ModelFrame"/>, as R's <c>model.frame</c> + <c>na.omit</c> +
/// <c>model.matrix</c> (and lme4's <c>mkReTrms</c> for bar terms) do: rows with a missing value in any model variable
/// are excluded with a reason; factor levels are those present in the rows used.
/// </summary>
public static class ModelFrameBuilder
{
    /// <summary>Parses <paramref name="formula"/> and evaluates it on <paramref name="table"/>.</summary>
    /// <exception cref="NmtInputException">Syntax errors, unknown columns (with a suggestion), wrong types, no usable rows.</exception>
    public static ModelFrame Build(string formula, ColumnTable table, ModelFrameOptions? options = null) =>
        Build(Formula.Parse(formula), table, options);

    /// <summary>Evaluates a parsed formula on <paramref name="table"/>.</summary>
    /// <exception cref="NmtInputException">Unknown columns (with a suggestion), wrong types, no usable rows.</exception>
    public static ModelFrame Build(Formula formula, ColumnTable table, ModelFrameOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(formula);
        ArgumentNullException.ThrowIfNull(table);
        var response = formula.Response
            ?? throw new NmtInputException($"the formula '{formula.Text}' has no response; write it as 'pain_change ~ {formula.Text.TrimStart('~', ' ')}'.");
        options ??= ModelFrameOptions.Default;
        var evaluator = new VariableEvaluator(table, options, formula.Text);
        var data = new Dictionary<ModelVariable, VariableData>();
        var required = options.RequiredColumns.Select(c => new ModelVariable(new NameNode(c, 0)));
        foreach (var variable in AllVariables(formula).Concat(required))
        {
            data.TryAdd(variable, evaluator.Evaluate(variable));
        }
        var (used, exclusions) = SplitRows(table, data.Values);
        if (used.Count == 0)
        {
            throw new NmtInputException($"no rows left for '{formula.Text}': all {table.RowCount} rows have a missing value in a model variable ({exclusions.FirstOrDefault()?.Reason ?? "empty table"}, ...).");
        }
        // The random-effects blocks only read the evaluated variables: build them on the other core meanwhile.
        var blocksTask = Task.Run(() => formula.RandomTerms.Select(r => Block(r, data, used)).ToList());
        var (y, levels) = Response(data[response], used);
        var fixedColumns = DesignMatrixBuilder.Build(formula.Terms, formula.HasIntercept, data, used);
        var x = fixedColumns.Count == 0
            ? Matrix<double>.Build.Dense(used.Count, 0)
            : Matrix<double>.Build.DenseOfColumnArrays(fixedColumns.Select(c => c.Values));
        var blocks = Await(blocksTask);
        return new ModelFrame(formula.Text, response.Name, y, x, fixedColumns.Select(c => c.Name).ToList(), blocks, used, exclusions)
        {
            ParsedFormula = formula,
            ResponseLevels = levels,
            UsedLines = used.Select(r => table.SourceLines[r]).ToList(),
        };
    }

    private static IEnumerable<ModelVariable> AllVariables(Formula formula) =>
        formula.Variables
            .Concat(formula.RandomTerms.SelectMany(r => r.LeftVariables))
            .Concat(formula.RandomTerms.SelectMany(r => r.GroupVariables));

    private static (List<int> Used, List<RowExclusion> Exclusions) SplitRows(ColumnTable table, IEnumerable<VariableData> variables)
    {
        // Only variables with a missing value somewhere can exclude a row (usually none).
        var ordered = variables.Where(v => v.MissingReasons is not null).ToList();
        var used = new List<int>(table.RowCount);
        var exclusions = new List<RowExclusion>();
        for (var r = 0; r < table.RowCount; r++)
        {
            var reason = FirstMissingReason(ordered, r);
            if (reason is null)
            {
                used.Add(r);
            }
            else
            {
                exclusions.Add(new RowExclusion(table.SourceLines[r], reason));
            }
        }
        return (used, exclusions);
    }

    /// <summary>The task's result, rethrowing its own exception (e.g. an <see cref="NmtInputException"/>) rather than an AggregateException.</summary>
    private static T Await<T>(Task<T> task) => task.GetAwaiter().GetResult();

    /// <summary>The first model variable (in model order) missing at row <paramref name="r"/>, or null (a plain loop: this runs once per row).</summary>
    private static string? FirstMissingReason(List<VariableData> variables, int r)
    {
        foreach (var variable in variables)
        {
            if (variable.MissingReason(r) is { } reason)
            {
                return reason;
            }
        }
        return null;
    }

    private static (Vector<double> Y, IReadOnlyList<string>? Levels) Response(VariableData response, List<int> rows)
    {
        switch (response.Kind)
        {
            case VariableKind.Numeric:
                var y = new double[rows.Count];
                for (var i = 0; i < y.Length; i++)
                {
                    y[i] = response.Numbers[rows[i]];
                }
                return (Vector<double>.Build.Dense(y), null);
            case VariableKind.Factor:
                var levels = response.LevelsOver(rows);
                if (levels.Count != 2)
                {
                    throw new NmtInputException($"the response '{response.Name}' is categorical with {levels.Count} levels ({string.Join(", ", levels.Take(5))}); use a numeric response, or a two-level one for logistic regression.");
                }
                return (Vector<double>.Build.DenseOfEnumerable(rows.Select(r => response.Labels[r] == levels[0] ? 0.0 : 1.0)), levels);
            default:
                throw new NmtInputException($"the response '{response.Name}' holds code sets; use one indicator such as tech_<code> as the response.");
        }
    }

    private static RandomEffectBlock Block(RandomTerm term, IReadOnlyDictionary<ModelVariable, VariableData> data, List<int> rows)
    {
        var columns = DesignMatrixBuilder.Build(term.Terms, term.HasIntercept, data, rows);
        var z = Matrix<double>.Build.DenseOfColumnArrays(columns.Select(c => c.Values));
        var (index, levels) = GroupingFactor(term, data, rows);
        return new RandomEffectBlock(term.GroupName, columns.Select(c => c.Name).ToList(), index, levels, z);
    }

    /// <summary>
    /// The grouping factor; for <c>a:b</c> its levels are the combinations present, <c>a</c> varying slowest (as R's <c>a:b</c>).
    /// Each row's combination is packed into one mixed-radix number, whose numeric order is the lexicographic order of the codes.
    /// </summary>
    private static (int[] Index, List<string> Levels) GroupingFactor(RandomTerm term, IReadOnlyDictionary<ModelVariable, VariableData> data, List<int> rows)
    {
        var parts = term.GroupVariables.Select(v => GroupLabels(data[v], rows)).ToList();
        if (parts.Count == 1)
        {
            return parts[0]; // codes already index the sorted levels
        }
        var keys = new long[rows.Count];
        for (var i = 0; i < keys.Length; i++)
        {
            long key = 0;
            foreach (var part in parts)
            {
                key = key * part.Levels.Count + part.Codes[i];
            }
            keys[i] = key;
        }
        var distinct = keys.Distinct().Order().ToArray();
        var position = new Dictionary<long, int>(distinct.Length);
        for (var l = 0; l < distinct.Length; l++)
        {
            position[distinct[l]] = l;
        }
        var levels = distinct.Select(key => string.Join(":", Decode(key, parts))).ToList();
        return (keys.Select(k => position[k]).ToArray(), levels);
    }

    /// <summary>The level names of a packed combination key.</summary>
    private static IEnumerable<string> Decode(long key, List<(int[] Codes, List<string> Levels)> parts)
    {
        var names = new string[parts.Count];
        for (var p = parts.Count - 1; p >= 0; p--)
        {
            names[p] = parts[p].Levels[(int)(key % parts[p].Levels.Count)];
            key /= parts[p].Levels.Count;
        }
        return names;
    }

    private static (int[] Codes, List<string> Levels) GroupLabels(VariableData variable, List<int> rows)
    {
        var factor = variable.Kind switch
        {
            VariableKind.Factor => variable,
            VariableKind.Numeric => VariableData.Factor(variable.Name, variable.Numbers.Select(v => double.IsFinite(v) ? RNumberFormat.Format(v) : null).ToArray(), variable.MissingReasons, true),
            _ => throw new NmtInputException($"'{variable.Name}' holds code sets and cannot group random effects."),
        };
        var levels = factor.LevelsOver(rows);
        var labelCodes = factor.LabelCodes;
        var position = labelCodes.PositionsIn(levels);
        var codes = new int[rows.Count];
        for (var i = 0; i < codes.Length; i++)
        {
            codes[i] = position[labelCodes.Codes[rows[i]]];
        }
        return (codes, levels);
    }
}
