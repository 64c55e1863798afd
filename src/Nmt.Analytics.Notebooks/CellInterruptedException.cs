namespace Nmt.Analytics.Notebooks;

/// <summary>A cell stopped by an interrupt (a kernel's <c>interrupt_request</c>), with what happened to it.</summary>
internal sealed class CellInterruptedException(string message) : Exception(message)
{
}
