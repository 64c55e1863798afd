namespace Nmt.Analytics.Kernel.Protocol;

/// <summary>A message the kernel refuses (bad signature or shape): logged and dropped, never executed.</summary>
internal sealed class InvalidMessageException(string message) : Exception(message)
{
}
