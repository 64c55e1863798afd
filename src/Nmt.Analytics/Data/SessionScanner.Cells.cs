using System.Runtime.CompilerServices;
namespace Nmt.Analytics.Data;

/// <summary>Row- and cell-level rules: field count, encoding, types, ranges, codes, identifiers in values.</summary>
internal sealed partial class SessionScanner
{
    private void CheckRow()
    {
        if (CheckCells())
        {
            CheckClient();
        }
    }

    /// <summary>The rules of one row on its own (field count, encoding, cells, pairs); false when the row has no usable fields.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private bool CheckCells()
    {
        if (!CheckShape())
        {
            return false;
        }
        foreach (var column in _columns)
        {
            if (!column.Ignored)
            {
                CheckCell(column, _source.Field(column.Index).Trim());
            }
        }
        CheckPairs();
        return true;
    }

    /// <summary>The rules of the row as a whole: its field count and its encoding; false when its cells cannot be read.</summary>
    private bool CheckShape()
    {
        if (_source.FieldCount != _columns.Length)
        {
            Error(null, null, ValidationRules.RaggedRow,
                Inv($"the row has {_source.FieldCount} fields but the header has {_columns.Length} (a stray delimiter or an unquoted text with a delimiter?)"));
            return false;
        }
        if (_source.HasInvalidUtf8)
        {
            Error(null, null, ValidationRules.InvalidUtf8, "the row has bytes that are not valid UTF-8: save the file as UTF-8");
            return false;
        }
        return true;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void CheckCell(BoundColumn column, ReadOnlySpan<char> cell)
    {
        if (CellParser.IsMissing(cell))
        {
            if (column.ValueRequired)
            {
                Error(column.Name, null, ValidationRules.MissingValue, $"{column.Name} is required but empty");
            }
            return;
        }
        switch (column.Kind)
        {
            case ColumnKind.Integer or ColumnKind.Number:
                CheckNumber(column, cell);
                break;
            case ColumnKind.Flag:
                CheckFlag(column, cell);
                break;
            case ColumnKind.Code:
                CheckCode(column, cell);
                break;
            case ColumnKind.CodeSet:
                CheckCodeSet(column, cell);
                break;
            default:
                CheckText(column, cell);
                break;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void CheckText(BoundColumn column, ReadOnlySpan<char> cell)
    {
        if (column.Known(cell) is { } known)
        {
            // Interned values passed the control-character check; one seen to be an identifier is reported again.
            if (column.Identifiers.Count == 0 || !column.Identifiers.Contains(known) || !IsIdentifier(column, cell))
            {
                Row.Texts[column.Index] = known;
            }
            return;
        }
        if (cell.IndexOfAnyInRange('\0', '\u0008') >= 0 || cell.IndexOfAnyInRange('\u000e', '\u001f') >= 0)
        {
            // A NUL or other control character (tabs and line breaks in quoted notes are fine) makes two ids that print
            // alike differ, or hides one: refused, never echoed.
            Error(column.Name, null, ValidationRules.WrongType, $"{column.Name} contains a control character (such as NUL); remove it");
            return;
        }
        var text = column.Add(cell);
        if (IsIdentifier(column, cell) && column.Identifiers.Add(text))
        {
            return;
        }
        Row.Texts[column.Index] = text;
    }

    /// <summary>True (and reported) when the value looks like an e-mail, phone number or calendar date.</summary>
    private bool IsIdentifier(BoundColumn column, ReadOnlySpan<char> cell)
    {
        var kind = AnonymityGuard.Classify(cell);
        if (kind == IdentifierKind.None)
        {
            return false;
        }
        Identifier(column.Name, Line, kind);
        Error(column.Name, null, ValidationRules.DirectIdentifierValue, $"the value looks like {AnonymityGuard.Describe(kind)}; remove it");
        return true;
    }

    /// <summary>A number cell: parsed, whole when it must be, in range, plausible. The messages are built out of line, so the common path stays short.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void CheckNumber(BoundColumn column, ReadOnlySpan<char> cell)
    {
        var ((min, max), (plausibleMin, plausibleMax)) = (column.Range, column.Plausible);
        if (!CellParser.TryNumber(cell, _decimalComma, out var value))
        {
            NotANumber(column, cell);
        }
        else if (column.Kind == ColumnKind.Integer && value != Math.Round(value))
        {
            Error(column.Name, cell.ToString(), ValidationRules.WrongType, $"{column.Name} '{cell}' must be a whole number");
        }
        else if (value < min || value > max)
        {
            OutOfRange(column, cell, value);
        }
        else
        {
            if (value < plausibleMin || value > plausibleMax)
            {
                Implausible(column, cell, value);
            }
            Row.Numbers[column.Index] = value;
        }
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private void NotANumber(BoundColumn column, ReadOnlySpan<char> cell)
    {
        if (!IsIdentifier(column, cell))
        {
            var expected = column.Kind == ColumnKind.Integer ? "a whole number" : "a number";
            Error(column.Name, cell.ToString(), ValidationRules.WrongType, $"{column.Name} '{cell}' is not {expected}");
        }
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private void OutOfRange(BoundColumn column, ReadOnlySpan<char> cell, double value)
    {
        // A phone number typed into a number column parses as a (huge) number: never echo it.
        if (!IsIdentifier(column, cell))
        {
            var spec = column.Spec!;
            Error(column.Name, cell.ToString(), ValidationRules.OutOfRange,
                $"{column.Name} {CellParser.Format(value)} is outside {RangeText(spec.Min, spec.Max)}{UnitText(spec)}");
        }
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private void Implausible(BoundColumn column, ReadOnlySpan<char> cell, double value)
    {
        var spec = column.Spec!;
        Warning(column.Name, cell.ToString(), ValidationRules.Implausible,
            $"{column.Name} {CellParser.Format(value)} is possible but implausible (expected {RangeText(spec.PlausibleMin, spec.PlausibleMax)}{UnitText(spec)}); please check");
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void CheckFlag(BoundColumn column, ReadOnlySpan<char> cell)
    {
        if (CellParser.TryFlag(cell, out var value))
        {
            Row.Numbers[column.Index] = value;
        }
        else
        {
            NotAFlag(column, cell);
        }
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private void NotAFlag(BoundColumn column, ReadOnlySpan<char> cell)
    {
        if (!IsIdentifier(column, cell))
        {
            Error(column.Name, cell.ToString(), ValidationRules.WrongType, $"{column.Name} '{cell}' is not a flag: use 1 (yes) or 0 (no)");
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void CheckCode(BoundColumn column, ReadOnlySpan<char> cell)
    {
        if (column.TryGetCode(cell, out var code))
        {
            Row.Texts[column.Index] = code;
        }
        else if (!IsIdentifier(column, cell))
        {
            UnknownCode(column, cell.ToString());
        }
    }

    private void UnknownCode(BoundColumn column, string code)
    {
        var vocabulary = column.Vocabulary!;
        var closest = vocabulary.Closest(code);
        var hint = closest is null ? $"valid codes: {string.Join(", ", vocabulary.Codes)}" : $"did you mean '{closest}'?";
        Error(column.Name, code, ValidationRules.UnknownCode, $"unknown {column.Name} code '{code}'; {hint}");
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void CheckCodeSet(BoundColumn column, ReadOnlySpan<char> cell)
    {
        if (SpanLookup.TryGetValue(column.CodeSets, cell, out var known))
        {
            Row.Sets[column.Index] = known;
            return;
        }
        if (AnonymityGuard.Classify(cell) != IdentifierKind.None && IsIdentifier(column, cell))
        {
            return;
        }
        var codes = new List<string>();
        var ok = true;
        foreach (var part in cell.ToString().Split([';', '|'], StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            if (column.Vocabulary!.TryGetCode(part, out var code))
            {
                if (!codes.Contains(code))
                {
                    codes.Add(code);
                }
            }
            else
            {
                UnknownCode(column, part);
                ok = false;
            }
        }
        if (!ok)
        {
            return;
        }
        if (codes.Count == 0)
        {
            Error(column.Name, null, ValidationRules.MissingValue, $"{column.Name} is required but has no codes");
            return;
        }
        string[] set = [.. codes];
        if (column.CodeSets.Count < 10_000)
        {
            column.CodeSets[cell.ToString()] = set;
        }
        Row.Sets[column.Index] = set;
    }

    private static string RangeText(double? min, double? max) => (min, max) switch
    {
        (null, null) => "any value",
        (_, null) => $"the range {CellParser.Format(min.Value)} or more",
        (null, _) => $"the range up to {CellParser.Format(max.Value)}",
        _ => $"{CellParser.Format(min.Value)}..{CellParser.Format(max.Value)}",
    };

    private static string UnitText(ColumnSpec spec) => spec.Unit is null ? "" : $" ({spec.Unit})";
}
