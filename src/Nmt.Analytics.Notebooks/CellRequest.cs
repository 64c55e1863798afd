namespace Nmt.Analytics.Notebooks;

/// <summary>One cell to run.</summary>
/// <param name="Source">The cell's text, directives included.</param>
/// <param name="Label">The file name compiler diagnostics and stack frames carry (e.g. <c>cell3</c>).</param>
/// <param name="ExecutionCount">The count its <c>execute_result</c> carries.</param>
/// <param name="KernelName">The Polyglot kernel the cell names, checked to be C#; null when the runner speaks only C#.</param>
internal sealed record CellRequest(string Source, string Label, int ExecutionCount, string? KernelName = null);
