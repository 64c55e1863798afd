namespace Nmt.Analytics.Notebooks;

/// <summary>Where and why a run stopped.</summary>
/// <param name="CellNumber">1-based position among all cells (markdown included), as an editor shows it.</param>
/// <param name="CodeCellNumber">1-based position among code cells.</param>
/// <param name="Message">A complete message: notebook, cell and the error (compiler diagnostics with the line within the cell).</param>
public sealed record NotebookFailure(int CellNumber, int CodeCellNumber, string Message);
