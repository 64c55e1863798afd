namespace Nmt.Analytics.Data;

/// <summary>How the values of a session-data column are typed and checked.</summary>
public enum ColumnKind
{
    /// <summary>A pseudonymous identifier (client, clinic, therapist): non-empty text, never a real name.</summary>
    Identifier,

    /// <summary>A whole number within a range.</summary>
    Integer,

    /// <summary>A real number within a range (decimal point or, in <c>;</c>-delimited files, decimal comma).</summary>
    Number,

    /// <summary>One code from a controlled vocabulary.</summary>
    Code,

    /// <summary>A set of codes from a controlled vocabulary, separated by <c>;</c> or <c>|</c>.</summary>
    CodeSet,

    /// <summary>A yes/no flag coded 0/1 (also accepted: true/false, yes/no).</summary>
    Flag,

    /// <summary>Free text (checked only for personal identifiers).</summary>
    Text,
}
