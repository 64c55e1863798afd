namespace Nmt.Analytics.Data;

/// <summary>
/// The stable ids of the validation rules (as listed in <c>data-schema/data-dictionary.md</c>, section "Validation rules").
/// </summary>
public static class ValidationRules
{
    /// <summary>The file has no content at all.</summary>
    public const string EmptyFile = "empty_file";
    /// <summary>The file has a header but no data rows.</summary>
    public const string HeaderOnly = "header_only";
    /// <summary>A required column is absent from the header.</summary>
    public const string MissingRequiredColumn = "missing_required_column";
    /// <summary>The same column name appears twice in the header.</summary>
    public const string DuplicateColumn = "duplicate_column";
    /// <summary>A header cell is empty.</summary>
    public const string EmptyColumnName = "empty_column_name";
    /// <summary>An unknown column whose name is close to a contract column (warning).</summary>
    public const string SimilarColumn = "similar_column";
    /// <summary>An input column named like a derived column; it is replaced (warning).</summary>
    public const string DerivedColumn = "derived_column";
    /// <summary>A column name that looks like a direct identifier (name, e-mail, phone, address, date...).</summary>
    public const string DirectIdentifierColumn = "direct_identifier_column";
    /// <summary>A value that looks like an e-mail address, phone number or calendar date.</summary>
    public const string DirectIdentifierValue = "direct_identifier_value";
    /// <summary>A row whose field count differs from the header's.</summary>
    public const string RaggedRow = "ragged_row";
    /// <summary>A row containing bytes that are not valid UTF-8.</summary>
    public const string InvalidUtf8 = "invalid_utf8";
    /// <summary>A value of the wrong type (text in a number column, decimals in a whole-number column...).</summary>
    public const string WrongType = "wrong_type";
    /// <summary>A number outside the allowed range.</summary>
    public const string OutOfRange = "out_of_range";
    /// <summary>An allowed but implausible value (warning).</summary>
    public const string Implausible = "implausible";
    /// <summary>A code not in the column's vocabulary.</summary>
    public const string UnknownCode = "unknown_code";
    /// <summary>An empty cell in a column whose value is required.</summary>
    public const string MissingValue = "missing_value";
    /// <summary>Both pain ratings are missing (warning).</summary>
    public const string MissingPain = "missing_pain";
    /// <summary>pain_pre present but pain_post missing (warning: no pain_change for the row).</summary>
    public const string MissingPainPost = "missing_pain_post";
    /// <summary>pain_post present but pain_pre missing.</summary>
    public const string PainPostWithoutPre = "pain_post_without_pre";
    /// <summary>A post-session measure (ppt_post, rom_post) without its pre-session value (warning).</summary>
    public const string PostWithoutPre = "post_without_pre";
    /// <summary>disability_score given without disability_instrument.</summary>
    public const string ScoreWithoutInstrument = "score_without_instrument";
    /// <summary>The same (client_id, session) appears twice.</summary>
    public const string DuplicateSession = "duplicate_session";
    /// <summary>A later session of a client has a smaller day than an earlier one.</summary>
    public const string DayBackwards = "day_backwards";
    /// <summary>A client's session numbers do not increase down the file (warning).</summary>
    public const string SessionOrder = "session_order";
    /// <summary>Session 1 with a day other than 0 (warning).</summary>
    public const string DayNotZero = "day_not_zero";
}
