using Nmt.Analytics.Data;

namespace Nmt.Analytics.Engines;

/// <summary>
/// The in-memory validator's cell rules applied to one distinct value of a column (the engine returns each distinct
/// value once, with its row count): required values, numbers, flags, codes and code sets, identifier-like values.
/// </summary>
internal static class EngineCellCheck
{
    /// <summary>The issues one cell holding <paramref name="value"/> raises: rule, how many times per row, severity.</summary>
    public static IEnumerable<(string Rule, long Times, IssueSeverity Severity)> Check(ColumnSpec spec, string? value)
    {
        var cell = value?.Trim() ?? "";
        if (CellParser.IsMissing(cell))
        {
            return spec.ValueRequired ? [(ValidationRules.MissingValue, 1, IssueSeverity.Error)] : [];
        }
        return spec.Kind switch
        {
            ColumnKind.Integer or ColumnKind.Number => Number(spec, cell),
            ColumnKind.Flag => CellParser.TryFlag(cell, out _) ? [] : [Bad(cell, ValidationRules.WrongType)],
            ColumnKind.Code => SessionSchema.VocabularyOf(spec)!.TryGetCode(cell, out _) ? [] : [Bad(cell, ValidationRules.UnknownCode)],
            ColumnKind.CodeSet => CodeSet(spec, cell),
            _ => [],
        };
    }

    private static (string, long, IssueSeverity) Bad(string cell, string rule) =>
        (AnonymityGuard.Classify(cell) == IdentifierKind.None ? rule : ValidationRules.DirectIdentifierValue, 1, IssueSeverity.Error);

    private static IEnumerable<(string, long, IssueSeverity)> Number(ColumnSpec spec, string cell)
    {
        if (!CellParser.TryNumber(cell, false, out var value) || (spec.Kind == ColumnKind.Integer && value != Math.Round(value)))
        {
            return [Bad(cell, ValidationRules.WrongType)];
        }
        if (value < spec.Min || value > spec.Max)
        {
            return [Bad(cell, ValidationRules.OutOfRange)];
        }
        return value < spec.PlausibleMin || value > spec.PlausibleMax ? [(ValidationRules.Implausible, 1, IssueSeverity.Warning)] : [];
    }

    private static IEnumerable<(string, long, IssueSeverity)> CodeSet(ColumnSpec spec, string cell)
    {
        if (AnonymityGuard.Classify(cell) != IdentifierKind.None)
        {
            return [(ValidationRules.DirectIdentifierValue, 1, IssueSeverity.Error)];
        }
        var vocabulary = SessionSchema.VocabularyOf(spec)!;
        var parts = cell.Split([';', '|'], StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        var unknown = parts.Count(p => !vocabulary.TryGetCode(p, out _));
        return unknown > 0 ? [(ValidationRules.UnknownCode, unknown, IssueSeverity.Error)]
            : parts.Length == 0 ? [(ValidationRules.MissingValue, 1, IssueSeverity.Error)]
            : [];
    }
}
