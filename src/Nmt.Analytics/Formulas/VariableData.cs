using System.Globalization;
using Nmt.Analytics.Data;

namespace Nmt.Analytics.Formulas;

/// <summary>
/// A formula variable evaluated on every row of a table, before missing rows are removed:
/// numeric values, factor labels, or code sets, plus the reason each row would be excluded (null when usable).
/// </summary>
internal sealed class VariableData
{
    private VariableData(string name, VariableKind kind, string?[]? missingReasons)
    {
        Name = name;
        Kind = kind;
        MissingReasons = missingReasons;
        Prefix = name;
    }

    /// <summary>The variable's R name.</summary>
    public string Name { get; }

    /// <summary>Numeric, factor or code set.</summary>
    public VariableKind Kind { get; }

    /// <summary>Per row: why the row cannot be used (e.g. <c>missing stress</c>), or null; the array itself is null when every row is usable.</summary>
    public string?[]? MissingReasons { get; }

    /// <summary>Why row <paramref name="row"/> cannot be used, or null when it can.</summary>
    public string? MissingReason(int row) => MissingReasons?[row];

    /// <summary>Numeric values (for <see cref="VariableKind.Numeric"/>).</summary>
    public double[] Numbers { get; private init; } = [];

    /// <summary>The numeric columns (for <see cref="VariableKind.Columns"/>), each over every row.</summary>
    public double[][] ColumnValues { get; private init; } = [];

    /// <summary>Factor labels (for <see cref="VariableKind.Factor"/>).</summary>
    public string?[] Labels { get; private init; } = [];

    /// <summary>True when factor labels come from numbers and sort numerically (R's <c>factor(cyl)</c>).</summary>
    public bool NumericLevels { get; private init; }

    /// <summary>The reference level requested for a factor, if any.</summary>
    public string? Reference { get; private init; }

    /// <summary>Prefix of the design-matrix column names (R: the variable name; <c>C(x, ref=)</c>: the inner name).</summary>
    public string Prefix { get; private init; }

    /// <summary>The code sets (for <see cref="VariableKind.CodeSet"/>).</summary>
    public CodeSetColumn? Codes { get; private init; }

    public static VariableData Numeric(string name, double[] values, string?[]? reasons) =>
        new(name, VariableKind.Numeric, reasons) { Numbers = values };

    public static VariableData Columns(string name, double[][] columns, string?[]? reasons) =>
        new(name, VariableKind.Columns, reasons) { ColumnValues = columns };

    public static VariableData Factor(string name, string?[] labels, string?[]? reasons, bool numericLevels) =>
        new(name, VariableKind.Factor, reasons)
        {
            Labels = labels,
            NumericLevels = numericLevels,
            _labelCodes = new(() => LabelCodes.Of(labels), LazyThreadSafetyMode.ExecutionAndPublication),
        };

    public static VariableData CodeSet(string name, CodeSetColumn codes, string prefix, string?[]? reasons) =>
        new(name, VariableKind.CodeSet, reasons) { Codes = codes, Prefix = prefix };

    /// <summary>The same factor with another column-name prefix and reference level.</summary>
    public VariableData WithReference(string name, string prefix, string? reference) =>
        new(name, Kind, MissingReasons) { Labels = Labels, NumericLevels = NumericLevels, Prefix = prefix, Reference = reference, _labelCodes = _labelCodes };

    /// <summary>The factor's labels as integer codes (computed once, on first use; safe to share between threads).</summary>
    public LabelCodes LabelCodes => _labelCodes.Value;

    private Lazy<LabelCodes> _labelCodes = new(() => throw new InvalidOperationException("not a factor"));

    /// <summary>Factor levels among <paramref name="rows"/>: sorted (numerically for numeric factors), reference first.</summary>
    public List<string> LevelsOver(IReadOnlyList<int> rows)
    {
        var codes = LabelCodes;
        var present = codes.PresentOver(rows);
        var set = codes.Distinct.Where((_, code) => present[code]);
        var levels = NumericLevels
            ? set.OrderBy(l => double.Parse(l, NumberStyles.Float, CultureInfo.InvariantCulture)).ToList()
            : set.OrderBy(l => l, StringComparer.Ordinal).ToList();
        if (Reference is not null)
        {
            if (!levels.Remove(Reference))
            {
                throw new NmtInputException($"{Name}: reference level '{Reference}' does not occur in the data used. Levels: {string.Join(", ", levels)}.");
            }
            levels.Insert(0, Reference);
        }
        return levels;
    }

    /// <summary>Codes occurring among <paramref name="rows"/>, in ordinal order.</summary>
    public List<string> CodesOver(IReadOnlyList<int> rows)
    {
        var set = new HashSet<string>(StringComparer.Ordinal);
        foreach (var r in rows)
        {
            if (Codes!.Values[r] is { } codes)
            {
                foreach (var code in codes)
                {
                    set.Add(code);
                }
            }
        }
        return set.Order(StringComparer.Ordinal).ToList();
    }
}
