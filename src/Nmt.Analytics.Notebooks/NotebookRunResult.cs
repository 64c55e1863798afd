namespace Nmt.Analytics.Notebooks;

/// <summary>The outcome of running a notebook; the notebook itself now holds each cell's outputs.</summary>
/// <param name="CodeCellsRun">Code cells that ran to the end.</param>
/// <param name="Failure">Set when a cell failed or was refused; the run stopped there.</param>
/// <param name="Notes">Things worth knowing that did not stop the run (e.g. a package version that differs from the one carried).</param>
/// <param name="Elapsed">Wall time of the run.</param>
public sealed record NotebookRunResult(int CodeCellsRun, NotebookFailure? Failure, IReadOnlyList<string> Notes, TimeSpan Elapsed)
{
    /// <summary>True when every code cell ran.</summary>
    public bool Succeeded => Failure is null;
}
