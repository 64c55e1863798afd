namespace Nmt.Analytics.Data;

/// <summary>File- and header-level rules: empty file, invalid header bytes, column names.</summary>
internal sealed partial class SessionScanner
{
    private void CheckFile()
    {
        if (_source.IsEmpty)
        {
            FileIssue(null, null, ValidationRules.EmptyFile, "the file is empty: expected a header line and one row per session");
            return;
        }
        if (_source.Header.Any(h => h.Contains('\uFFFD', StringComparison.Ordinal)))
        {
            FileIssue(1, null, ValidationRules.InvalidUtf8, "the header has bytes that are not valid UTF-8: save the file as UTF-8");
        }
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var column in _columns)
        {
            CheckColumnName(column, seen);
        }
        var names = _columns.Where(c => !c.Ignored).Select(c => c.Name).ToList();
        foreach (var required in SessionSchema.RequiredColumns.Where(r => !seen.Contains(r)))
        {
            var suggestion = NameSuggester.Closest(required, names.Where(n => SessionSchema.Find(n) is null));
            var hint = suggestion is null ? "" : $" (is '{suggestion}' meant to be '{required}'?)";
            FileIssue(1, required, ValidationRules.MissingRequiredColumn, $"required column '{required}' is missing{hint}");
        }
    }

    private void CheckColumnName(BoundColumn column, HashSet<string> seen)
    {
        if (column.Name.Length == 0)
        {
            column.Ignored = true;
            _issues.Add(1, null, null, ValidationRules.EmptyColumnName,
                Inv($"header cell {column.Index + 1} is empty; the column is ignored"), IssueSeverity.Warning);
        }
        else if (!seen.Add(column.Name))
        {
            column.Ignored = true;
            FileIssue(1, column.Name, ValidationRules.DuplicateColumn, $"column '{column.Name}' appears more than once in the header");
        }
        else if (column.Spec is null && AnonymityGuard.IsDirectIdentifierName(column.Name))
        {
            column.Ignored = true;
            Identifier(column.Name, 1, IdentifierKind.ColumnName);
            FileIssue(1, column.Name, ValidationRules.DirectIdentifierColumn,
                $"column '{column.Name}' looks like a direct identifier (name, contact, address, date...): remove it before analysis");
        }
        else if (column.Name == SessionSchema.PainChange)
        {
            column.Ignored = true;
            _issues.Add(1, column.Name, null, ValidationRules.DerivedColumn,
                "pain_change is derived (pain_post - pain_pre); the column in the file is ignored and recomputed", IssueSeverity.Warning);
        }
        else if (column.Spec is null)
        {
            var absent = SessionSchema.Columns.Select(c => c.Name).Where(n => !_source.Header.Contains(n));
            if (NameSuggester.Closest(column.Name, absent) is { } suggestion)
            {
                _issues.Add(1, column.Name, null, ValidationRules.SimilarColumn,
                    $"unknown column '{column.Name}' is kept as an extra column; did you mean '{suggestion}'?", IssueSeverity.Warning);
            }
        }
    }
}
