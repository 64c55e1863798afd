using Nmt.Analytics.Data;

namespace Nmt.Analytics.Synthetic;

/// <summary>A simulated session dataset and the truth planted in it.</summary>
/// <param name="Table">One row per session with every column of the session dataset contract.</param>
/// <param name="Truth">The planted, documented ground truth.</param>
public sealed record SimulatedSessions(ColumnTable Table, GroundTruth Truth);
