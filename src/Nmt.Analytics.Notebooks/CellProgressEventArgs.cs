namespace Nmt.Analytics.Notebooks;

/// <summary>Progress of a run, raised before and after each code cell (front ends print it; the library never does).</summary>
public sealed class CellProgressEventArgs(NotebookCell cell, int codeCellNumber, int codeCellCount, CellPhase phase, TimeSpan elapsed) : EventArgs
{
    /// <summary>The cell.</summary>
    public NotebookCell Cell { get; } = cell;

    /// <summary>1-based position among code cells.</summary>
    public int CodeCellNumber { get; } = codeCellNumber;

    /// <summary>Number of code cells in the notebook.</summary>
    public int CodeCellCount { get; } = codeCellCount;

    /// <summary>Started, succeeded or failed.</summary>
    public CellPhase Phase { get; } = phase;

    /// <summary>Time the cell took (zero when starting).</summary>
    public TimeSpan Elapsed { get; } = elapsed;
}
