namespace Nmt.Analytics.Formulas;

/// <summary>
/// Builds model-matrix columns exactly as R's <c>model.matrix</c> (src/library/stats/src/model.c):
/// treatment contrasts, interaction columns with the first variable varying fastest, and R's rule for
/// factors whose margin is absent (Chambers &amp; Hastie 1992, p. 38): a factor in a term is coded by
/// contrasts when the term without it appears earlier in the model (or is empty), otherwise by a full set of indicators.
/// Without an intercept the first factor of the first term containing one is coded by indicators.
/// </summary>
internal static class DesignMatrixBuilder
{
    public static List<DesignColumn> Build(
        IReadOnlyList<Term> terms, bool hasIntercept, IReadOnlyDictionary<ModelVariable, VariableData> data, IReadOnlyList<int> rows)
    {
        var columns = new List<DesignColumn>();
        if (hasIntercept)
        {
            columns.Add(new DesignColumn("(Intercept)", Enumerable.Repeat(1.0, rows.Count).ToArray()));
        }
        var fullCoding = FullCoding(terms, hasIntercept, data);
        for (var t = 0; t < terms.Count; t++)
        {
            List<DesignColumn>? product = null; // a main effect needs no multiplication
            foreach (var variable in terms[t].Variables)
            {
                var factorColumns = VariableColumns(data[variable], fullCoding.Contains((t, variable)), rows);
                product = product is null ? factorColumns : Multiply(product, factorColumns);
            }
            columns.AddRange(product ?? []);
        }
        return columns;
    }

    /// <summary>(term index, variable) pairs coded by indicators for all levels rather than contrasts.</summary>
    private static HashSet<(int, ModelVariable)> FullCoding(IReadOnlyList<Term> terms, bool hasIntercept, IReadOnlyDictionary<ModelVariable, VariableData> data)
    {
        var full = new HashSet<(int, ModelVariable)>();
        for (var t = 0; t < terms.Count; t++)
        {
            foreach (var variable in terms[t].Variables)
            {
                var rest = terms[t].Variables.Where(v => !v.Equals(variable)).ToList();
                var margin = rest.Count == 0 || Enumerable.Range(0, t).Any(p => rest.All(terms[p].Variables.Contains));
                if (!margin)
                {
                    full.Add((t, variable));
                }
            }
        }
        if (!hasIntercept)
        {
            for (var t = 0; t < terms.Count; t++)
            {
                var first = terms[t].Variables.FirstOrDefault(v => data[v].Kind == VariableKind.Factor);
                if (first is not null)
                {
                    full.Add((t, first));
                    break;
                }
            }
        }
        return full;
    }

    private static double[] Gather(double[] values, IReadOnlyList<int> rows)
    {
        var gathered = new double[rows.Count];
        for (var i = 0; i < gathered.Length; i++)
        {
            gathered[i] = values[rows[i]];
        }
        return gathered;
    }

    /// <summary>One 0/1 indicator per listed level (treatment contrasts leave the reference out), filled in one pass.</summary>
    private static List<DesignColumn> FactorColumns(VariableData variable, List<string> levels, IReadOnlyList<int> rows)
    {
        var codes = variable.LabelCodes;
        var columnOf = codes.PositionsIn(levels);
        var columns = levels.Select(_ => new double[rows.Count]).ToArray();
        for (var i = 0; i < rows.Count; i++)
        {
            if (codes.Codes[rows[i]] is var code and >= 0 && columnOf[code] is var j and >= 0)
            {
                columns[j][i] = 1;
            }
        }
        return levels.Select((level, j) => new DesignColumn(variable.Prefix + level, columns[j])).ToList();
    }

    /// <summary>One 0/1 indicator per code present, filled in a single pass over the rows (a row may hold several codes).</summary>
    private static List<DesignColumn> CodeSetColumns(VariableData variable, IReadOnlyList<int> rows)
    {
        var codes = variable.CodesOver(rows);
        var position = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var j = 0; j < codes.Count; j++)
        {
            position[codes[j]] = j;
        }
        var columns = codes.Select(_ => new double[rows.Count]).ToArray();
        var sets = variable.Codes!.Values;
        for (var i = 0; i < rows.Count; i++)
        {
            foreach (var code in sets[rows[i]] ?? [])
            {
                columns[position[code]][i] = 1;
            }
        }
        return codes.Select((code, j) => new DesignColumn(variable.Prefix + code, columns[j])).ToList();
    }

    private static List<DesignColumn> VariableColumns(VariableData variable, bool allLevels, IReadOnlyList<int> rows)
    {
        switch (variable.Kind)
        {
            case VariableKind.Numeric:
                return [new DesignColumn(variable.Name, Gather(variable.Numbers, rows))];
            case VariableKind.CodeSet:
                return CodeSetColumns(variable, rows);
            case VariableKind.Columns:
                return variable.ColumnValues.Select((c, k) => new DesignColumn(variable.Name + (k + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), Gather(c, rows))).ToList();
            default:
                var levels = variable.LevelsOver(rows);
                if (!allLevels && levels.Count < 2)
                {
                    throw new NmtInputException($"'{variable.Name}' has only one level ({string.Join(", ", levels)}) among the rows used; a categorical variable needs at least two.");
                }
                return FactorColumns(variable, levels.Skip(allLevels ? 0 : 1).ToList(), rows);
        }
    }

    private static List<DesignColumn> Multiply(List<DesignColumn> left, List<DesignColumn> right)
    {
        var result = new List<DesignColumn>(left.Count * right.Count);
        foreach (var r in right)
        {
            foreach (var l in left)
            {
                var values = new double[l.Values.Length];
                for (var i = 0; i < values.Length; i++)
                {
                    values[i] = l.Values[i] * r.Values[i];
                }
                result.Add(new DesignColumn(l.Name + ":" + r.Name, values));
            }
        }
        return result;
    }
}
