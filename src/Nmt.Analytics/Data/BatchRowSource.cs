namespace Nmt.Analytics.Data;

/// <summary>The rows of one <see cref="RowBatch"/> as a row source, so a checker scanner reads them like a file.</summary>
internal sealed class BatchRowSource(IReadOnlyList<string> header, CsvFormat? format) : IRowSource
{
    private RowBatch? _batch;
    private int _row = -1;

    public IReadOnlyList<string> Header { get; } = header;
    public CsvFormat? Format { get; } = format;
    public bool IsEmpty => false;
    public long Line => _batch!.Lines[_row];
    public int FieldCount => _batch!.FieldCount(_row);
    public bool HasInvalidUtf8 => _batch!.InvalidUtf8[_row];
    public long? EstimatedRows => null;

    /// <summary>The row being read (0-based within the batch).</summary>
    public int Row => _row;

    public void Attach(RowBatch batch)
    {
        _batch = batch;
        _row = -1;
    }

    public bool Read() => ++_row < _batch!.Count;

    public ReadOnlySpan<char> Field(int index) => _batch!.Field(_row, index);

    public void Dispose()
    {
    }
}
