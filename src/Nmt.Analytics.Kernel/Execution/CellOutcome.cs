using Nmt.Analytics.Notebooks;

namespace Nmt.Analytics.Kernel.Execution;

/// <summary>What an <c>execute_request</c> produced: its execution count and, if it failed, the error.</summary>
internal sealed record CellOutcome(int ExecutionCount, ErrorOutput? Error);
