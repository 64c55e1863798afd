using Nmt.Analytics.Formulas;
using Nmt.Analytics.Outcomes;

namespace Nmt.Analytics.Engines;

/// <summary>
/// A formula's model frame expressed in SQL: the response, the fixed-effect columns and each random-effects block's
/// columns as per-row expressions over <see cref="SqlSource.Relation"/>, named and ordered exactly as R's
/// <c>model.matrix</c> names them (the rules of <see cref="DesignMatrixBuilder"/>: treatment contrasts against the
/// first level in ordinal order, interactions with the first variable varying fastest, full indicator coding where a
/// term's margin is absent). Formulas whose variables are plain columns are supported; transformations
/// (<c>log(x)</c>, <c>poly</c>, <c>I()</c>) and the multi-valued <c>techniques</c> need the in-memory path.
/// </summary>
internal sealed class EngineDesign
{
    private readonly Dictionary<string, bool> _numeric;

    private EngineDesign(Formula formula, Dictionary<string, bool> numeric, List<string> variables, bool hasClient)
    {
        Formula = formula;
        _numeric = numeric;
        Variables = variables;
        HasClient = hasClient;
    }

    /// <summary>True when the source has <c>client_id</c>: the cells then count their distinct clients (disclosure control).</summary>
    public bool HasClient { get; }

    public Formula Formula { get; }

    /// <summary>The model's columns in the in-memory frame's order (response and fixed terms, random terms, groups): the order of exclusion reasons.</summary>
    public IReadOnlyList<string> Variables { get; }

    /// <summary>Text columns whose levels shape the design (grouping columns excepted).</summary>
    public IEnumerable<string> FactorVariables => DesignVariables.Where(v => !_numeric[v]);

    /// <summary>The distinct grouping columns of all random-effects blocks, in order of appearance: the cells' key.</summary>
    public IReadOnlyList<string> CellVariables => Formula.RandomTerms.SelectMany(r => r.GroupVariables).Select(v => v.Name).Distinct().ToList();

    public bool IsNumeric(string column) => _numeric[column];

    private IEnumerable<string> DesignVariables =>
        Formula.Variables.Concat(Formula.RandomTerms.SelectMany(r => r.LeftVariables)).Select(v => v.Name).Distinct();

    /// <summary>Checks the formula against the source's columns.</summary>
    /// <exception cref="NmtInputException">No response, a transformation, or a column the source lacks.</exception>
    public static EngineDesign Prepare(string formulaText, IReadOnlyList<SourceColumn> columns)
    {
        var formula = Formulas.Formula.Parse(formulaText);
        var response = formula.Response
            ?? throw new NmtInputException($"the formula '{formula.Text}' has no response; write it as 'pain_change ~ {formula.Text.TrimStart('~', ' ')}'.");
        var all = formula.Variables.Concat(formula.RandomTerms.SelectMany(r => r.LeftVariables)).Concat(formula.RandomTerms.SelectMany(r => r.GroupVariables)).ToList();
        var byName = columns.ToDictionary(c => c.Name, c => c.IsNumeric, StringComparer.Ordinal);
        var numeric = new Dictionary<string, bool>(StringComparer.Ordinal);
        var names = new List<string>();
        foreach (var variable in all)
        {
            if (variable.Expression is not NameNode name)
            {
                throw new NmtInputException($"--engine computes plain columns and their interactions; '{variable.Name}' is a transformation. Add it as a column at the source (a view), or fit in memory without --engine.");
            }
            if (!byName.TryGetValue(name.Name, out var isNumeric))
            {
                throw new NmtInputException($"unknown column '{name.Name}' in '{formula.Text}'; the source has: {string.Join(", ", columns.Select(c => c.Name))}.");
            }
            if (name.Name == "techniques")
            {
                throw new NmtInputException("the multi-valued 'techniques' column is expanded in memory only; with --engine use one-technique indicator columns computed at the source.");
            }
            if (numeric.TryAdd(name.Name, isNumeric))
            {
                names.Add(name.Name);
            }
        }
        if (!numeric[response.Name])
        {
            throw new NmtInputException($"the response '{response.Name}' is not numeric; --engine fits linear models of a numeric response.");
        }
        return new EngineDesign(formula, numeric, names, byName.ContainsKey(SessionColumns.ClientId));
    }

    /// <summary>True when no model variable is missing (SQL NULL).</summary>
    public string CompleteCondition => string.Join(" AND ", Variables.Select(v => SqlText.Identifier(v) + " IS NOT NULL"));

    /// <summary>The first missing variable in model order, worded as the model frame words it; NULL for a usable row.</summary>
    public string ReasonExpression =>
        "CASE " + string.Join(" ", Variables.Select(v => $"WHEN {SqlText.Identifier(v)} IS NULL THEN {SqlText.Literal("missing " + v)}")) + " ELSE NULL END";

    /// <summary>The response per row.</summary>
    public string ResponseSql => SqlText.Double(SqlText.Identifier(Formula.Response!.Name));

    /// <summary>The fixed-effect columns given each factor's levels among the rows used.</summary>
    public List<SqlColumn> FixedColumns(IReadOnlyDictionary<string, IReadOnlyList<string>> levels) =>
        Columns(Formula.Terms, Formula.HasIntercept, levels);

    /// <summary>Each random-effects block's columns (formula order, <c>||</c> and nesting expanded as the formula parser does).</summary>
    public List<List<SqlColumn>> BlockColumns(IReadOnlyDictionary<string, IReadOnlyList<string>> levels) =>
        Formula.RandomTerms.Select(r => Columns(r.Terms, r.HasIntercept, levels)).ToList();

    private List<SqlColumn> Columns(IReadOnlyList<Term> terms, bool hasIntercept, IReadOnlyDictionary<string, IReadOnlyList<string>> levels)
    {
        var columns = new List<SqlColumn>();
        if (hasIntercept)
        {
            columns.Add(new SqlColumn("(Intercept)", "1"));
        }
        var full = FullCoding(terms, hasIntercept);
        for (var t = 0; t < terms.Count; t++)
        {
            List<SqlColumn>? product = null;
            foreach (var variable in terms[t].Variables)
            {
                var own = VariableColumns(variable.Name, full.Contains((t, variable.Name)), levels);
                product = product is null ? own : [.. from r in own from l in product select new SqlColumn(l.Name + ":" + r.Name, $"({l.Sql}) * ({r.Sql})")];
            }
            columns.AddRange(product ?? []);
        }
        return columns;
    }

    /// <summary>R's rule for factors whose margin is absent (as <see cref="DesignMatrixBuilder"/>; Chambers &amp; Hastie 1992, p. 38).</summary>
    private HashSet<(int, string)> FullCoding(IReadOnlyList<Term> terms, bool hasIntercept)
    {
        var full = new HashSet<(int, string)>();
        for (var t = 0; t < terms.Count; t++)
        {
            foreach (var variable in terms[t].Variables)
            {
                var rest = terms[t].Variables.Where(v => !v.Equals(variable)).ToList();
                if (!(rest.Count == 0 || Enumerable.Range(0, t).Any(p => rest.All(terms[p].Variables.Contains))))
                {
                    full.Add((t, variable.Name));
                }
            }
        }
        if (!hasIntercept && terms.SelectMany((term, t) => term.Variables.Where(v => !_numeric[v.Name]).Select(v => (t, v.Name))).FirstOrDefault() is { Name: not null } first)
        {
            full.Add(first);
        }
        return full;
    }

    private List<SqlColumn> VariableColumns(string name, bool allLevels, IReadOnlyDictionary<string, IReadOnlyList<string>> levels)
    {
        var column = SqlText.Identifier(name);
        if (_numeric[name])
        {
            return [new SqlColumn(name, SqlText.Double(column))];
        }
        var present = levels[name];
        if (!allLevels && present.Count < 2)
        {
            throw new NmtInputException($"'{name}' has only one level ({string.Join(", ", present)}) among the rows used; a categorical variable needs at least two.");
        }
        return [.. present.Skip(allLevels ? 0 : 1).Select(l => new SqlColumn(name + l, $"CASE WHEN {column} = {SqlText.Literal(l)} THEN 1 ELSE 0 END"))];
    }
}
