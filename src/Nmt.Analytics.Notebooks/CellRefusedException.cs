namespace Nmt.Analytics.Notebooks;

/// <summary>A cell the executor will not run (unknown magic, other language, missing package or file), with the reason.</summary>
internal sealed class CellRefusedException(string message) : Exception(message)
{
}
