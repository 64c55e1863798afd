namespace Nmt.Analytics.Data;

/// <summary>
/// A row source whose current row lies in one buffer of decoded characters, so <see cref="RowBatch"/> can copy the row
/// in three block copies (characters, field starts, field lengths).
/// </summary>
internal interface IRowText : IRowSource
{
    /// <summary>The decoded characters of the current row: every field lies in it (see <see cref="FieldStarts"/>).</summary>
    ReadOnlySpan<char> RowChars { get; }

    /// <summary>Where each field of the current row starts in <see cref="RowChars"/>.</summary>
    ReadOnlySpan<int> FieldStarts { get; }

    /// <summary>The length of each field of the current row.</summary>
    ReadOnlySpan<int> FieldLengths { get; }
}
