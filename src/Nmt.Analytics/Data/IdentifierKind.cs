namespace Nmt.Analytics.Data;

/// <summary>Kinds of direct identifier the anonymity guard refuses.</summary>
public enum IdentifierKind
{
    /// <summary>Nothing identifying found.</summary>
    None,

    /// <summary>An e-mail address.</summary>
    Email,

    /// <summary>A telephone number.</summary>
    Phone,

    /// <summary>A calendar date (use <c>day</c> = days since the first session instead).</summary>
    CalendarDate,

    /// <summary>A column whose name says it holds a direct identifier (name, address, birth date...).</summary>
    ColumnName,
}
