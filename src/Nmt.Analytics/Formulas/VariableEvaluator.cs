using Nmt.Analytics.Data;

namespace Nmt.Analytics.Formulas;

/// <summary>
/// Evaluates a formula variable on a table: a column (numeric → numeric, text → factor, code set → indicators),
/// a derived outcome (<c>pain_change</c>), a technique indicator (<c>tech_muscle_energy</c>),
/// <c>factor(x)</c>, <c>C(x, ref = "level")</c>, <c>relevel(x, ref = "level")</c>, <c>poly(x, d[, raw = TRUE])</c>, or numeric arithmetic
/// (<c>I()</c>, <c>log</c>, <c>log2</c>, <c>log10</c>, <c>log1p</c>, <c>exp</c>, <c>sqrt</c>, <c>abs</c>, <c>+ - * / ^</c>).
/// </summary>
internal sealed class VariableEvaluator(ColumnTable table, ModelFrameOptions options, string formula)
{
    private static readonly HashSet<string> NumericFunctions = new(StringComparer.Ordinal)
    {
        "I", "log", "log2", "log10", "log1p", "exp", "sqrt", "abs",
    };

    public VariableData Evaluate(ModelVariable variable)
    {
        var node = variable.Expression;
        return node switch
        {
            NameNode name => Column(name),
            CallNode { Function: "factor" or "as.factor" } call => AsFactor(variable.Name, SingleArgument(call)),
            CallNode { Function: "C" or "relevel" } call => Releveled(variable.Name, call),
            CallNode { Function: "poly" } call => Polynomial(variable.Name, call),
            _ => Arithmetic(variable.Name, node),
        };
    }

    private VariableData Column(NameNode name)
    {
        var column = Resolve(name);
        switch (column)
        {
            case NumericColumn numeric:
                return VariableData.Numeric(name.Name, numeric.Values, Reasons(numeric.Values, numeric.Name, name.Name));
            case TextColumn text:
                var factor = VariableData.Factor(name.Name, text.Values, Reasons(text.Values, "missing " + name.Name), numericLevels: false);
                return options.ReferenceLevels.TryGetValue(name.Name, out var reference)
                    ? factor.WithReference(name.Name, name.Name, reference)
                    : factor;
            case CodeSetColumn codes:
                return VariableData.CodeSet(name.Name, codes, options.TechniquePrefix, Reasons(codes.Values, "missing " + name.Name));
            default:
                throw new NmtInputException($"column '{name.Name}' has an unsupported type for formulas.");
        }
    }

    private VariableData AsFactor(string name, FormulaNode argument)
    {
        if (argument is not NameNode columnName)
        {
            throw Error(argument, $"{name}: factor() needs a column name");
        }
        var column = Resolve(columnName);
        switch (column)
        {
            case TextColumn text:
                return VariableData.Factor(name, text.Values, Reasons(text.Values, "missing " + columnName.Name), false);
            case NumericColumn numeric:
                var labels = numeric.Values.Select(v => double.IsNaN(v) ? null : RNumberFormat.Format(v)).ToArray();
                return VariableData.Factor(name, labels, Reasons(labels, "missing " + columnName.Name), true);
            default:
                throw Error(argument, $"{name}: column '{columnName.Name}' holds code sets; use its tech_<code> indicators instead");
        }
    }

    private VariableData Releveled(string name, CallNode call)
    {
        if (call.Arguments.Count != 2 || call.Arguments[1].Value is not StringNode level
            || call.Arguments[1].Name is not (null or "ref"))
        {
            throw Error(call, $"write {call.Function}(column, ref = \"level\") to choose the reference level");
        }
        var inner = call.Arguments[0].Value;
        var factor = inner is CallNode { Function: "factor" or "as.factor" } f
            ? AsFactor(inner.ToString()!, SingleArgument(f))
            : AsFactor(name, inner);
        // C(x, ref = "b") keeps R's names for a releveled column (xa, xc); relevel() names columns as R does.
        var prefix = call.Function == "C" ? inner.ToString()! : name;
        return factor.WithReference(name, prefix, level.Value);
    }

    /// <summary><c>poly(x, degree)</c> or <c>poly(x, degree, raw = TRUE)</c> (see <see cref="PolynomialBasis"/>).</summary>
    private VariableData Polynomial(string name, CallNode call)
    {
        var args = call.Arguments;
        var degreeArgument = args.Count >= 2 && args[1].Name is null or "degree" ? args[1].Value : null;
        var rawArgument = args.Count == 3 && args[2].Name == "raw" ? args[2].Value : null;
        if (args.Count is < 2 or > 3 || args[0].Name is not null || degreeArgument is not NumberNode { Value: >= 1 and <= 20 } degree
            || degree.Value != Math.Floor(degree.Value) || (args.Count == 3 && rawArgument is not NameNode { Name: "TRUE" or "FALSE" or "T" or "F" }))
        {
            throw Error(call, "write poly(x, degree) or poly(x, degree, raw = TRUE), with a whole-number degree from 1 to 20");
        }
        var raw = rawArgument is NameNode { Name: "TRUE" or "T" };
        var arithmetic = Arithmetic(name, args[0].Value);
        return VariableData.Columns(name, PolynomialBasis.Columns(arithmetic.Numbers, (int)degree.Value, raw), arithmetic.MissingReasons);
    }

    private VariableData Arithmetic(string name, FormulaNode node)
    {
        var sources = new List<NumericColumn>();
        var values = Compute(node, sources, name);
        string?[]? reasons = null;
        for (var r = 0; r < values.Length; r++)
        {
            if (!double.IsFinite(values[r]))
            {
                var missing = sources.FirstOrDefault(c => c.IsMissing(r));
                reasons ??= new string?[values.Length];
                reasons[r] = missing is not null ? "missing " + missing.Name : $"{name} is not finite";
            }
        }
        return VariableData.Numeric(name, values, reasons);
    }

    private double[] Compute(FormulaNode node, List<NumericColumn> sources, string variable)
    {
        switch (node)
        {
            case NumberNode number:
                return Enumerable.Repeat(number.Value, table.RowCount).ToArray();
            case NameNode name:
                var column = Resolve(name) as NumericColumn
                    ?? throw Error(name, $"{variable}: column '{name.Name}' is not numeric, so it cannot be used in arithmetic or functions such as log()");
                sources.Add(column);
                return column.Values;
            case ParenNode paren:
                return Compute(paren.Inner, sources, variable);
            case UnaryNode unary:
                var operand = Compute(unary.Operand, sources, variable);
                return unary.Operator == "-" ? operand.Select(v => -v).ToArray() : operand;
            case BinaryNode binary when binary.Operator is "+" or "-" or "*" or "/" or "^":
                return Combine(binary.Operator, Compute(binary.Left, sources, variable), Compute(binary.Right, sources, variable));
            case CallNode call when NumericFunctions.Contains(call.Function):
                return Apply(call.Function, Compute(SingleArgument(call), sources, variable));
            case CallNode call:
                throw Error(call, $"unknown function '{call.Function}'. Available: {string.Join(", ", NumericFunctions.Order(StringComparer.Ordinal))}, factor, C, relevel, poly");
            default:
                throw Error(node, $"'{node}' cannot be used inside {variable}");
        }
    }

    private static double[] Combine(string op, double[] a, double[] b)
    {
        var result = new double[a.Length];
        for (var i = 0; i < a.Length; i++)
        {
            result[i] = op switch
            {
                "+" => a[i] + b[i],
                "-" => a[i] - b[i],
                "*" => a[i] * b[i],
                "/" => a[i] / b[i],
                _ => Math.Pow(a[i], b[i]),
            };
        }
        return result;
    }

    private static double[] Apply(string function, double[] x) => function switch
    {
        "log" => x.Select(v => Math.Log(v)).ToArray(),
        "log2" => x.Select(v => Math.Log2(v)).ToArray(),
        "log10" => x.Select(v => Math.Log10(v)).ToArray(),
        "log1p" => x.Select(v => MathNet.Numerics.SpecialFunctions.Log1p(v)).ToArray(),
        "exp" => x.Select(v => Math.Exp(v)).ToArray(),
        "sqrt" => x.Select(v => Math.Sqrt(v)).ToArray(),
        "abs" => x.Select(v => Math.Abs(v)).ToArray(),
        _ => x, // I()
    };

    /// <summary>A table column, a derived outcome, or a technique indicator.</summary>
    private TableColumn Resolve(NameNode name)
    {
        if (table.TryGetColumn(name.Name, out var column))
        {
            return column;
        }
        if (options.DeriveOutcomes && name.Name == "pain_change"
            && table.TryGetColumn("pain_post", out var post) && table.TryGetColumn("pain_pre", out var pre)
            && post is NumericColumn && pre is NumericColumn)
        {
            return new NumericColumn(Outcomes.PainChange.ColumnName, Outcomes.PainChange.Compute(table));
        }
        if (name.Name.StartsWith(options.TechniquePrefix, StringComparison.Ordinal)
            && table.TryGetColumn(options.TechniquesColumn, out var techniques) && techniques is CodeSetColumn codes)
        {
            return TechniqueIndicator(name, codes);
        }
        if (name.Name == ".")
        {
            throw Error(name, "'.' (all other columns) is not supported; list the columns you want");
        }
        throw new NmtInputException($"formula position {name.Position}: {table.UnknownColumn(name.Name).Message}");
    }

    private NumericColumn TechniqueIndicator(NameNode name, CodeSetColumn codes)
    {
        var code = name.Name[options.TechniquePrefix.Length..];
        var known = codes.Codes();
        if (!known.Contains(code, StringComparer.Ordinal))
        {
            var suggestion = NameSuggester.Closest(code, known);
            var hint = suggestion is null ? "" : $" Did you mean '{options.TechniquePrefix}{suggestion}'?";
            throw new NmtInputException($"unknown technique '{code}' in '{name.Name}'.{hint} Codes in the data: {string.Join(", ", known)}.");
        }
        var values = new double[codes.Length];
        for (var r = 0; r < values.Length; r++)
        {
            values[r] = codes.Values[r] is null ? double.NaN : codes.Contains(r, code) ? 1 : 0;
        }
        return new NumericColumn(options.TechniquesColumn, values);
    }

    private FormulaNode SingleArgument(CallNode call) =>
        call.Arguments.Count == 1 && call.Arguments[0].Name is null
            ? call.Arguments[0].Value
            : throw Error(call, $"{call.Function}() takes exactly one argument here");

    /// <summary>Per-row exclusion reasons for a numeric column, or null when every value is finite (the common case: no allocation).</summary>
    private static string?[]? Reasons(double[] values, string column, string name)
    {
        if (Array.TrueForAll(values, double.IsFinite))
        {
            return null;
        }
        var missing = "missing " + column;
        var infinite = $"{name} is not finite";
        return values.Select(v => double.IsNaN(v) ? missing : double.IsFinite(v) ? null : infinite).ToArray();
    }

    /// <summary>Per-row reasons for a column whose missing values are nulls, or null when nothing is missing.</summary>
    private static string?[]? Reasons<T>(T?[] values, string reason)
        where T : class =>
        Array.IndexOf(values, null) < 0 ? null : values.Select(v => v is null ? reason : null).ToArray();

    private NmtInputException Error(FormulaNode node, string message) => FormulaTokenizer.Error(formula, node.Position, message);
}
