using Nmt.Analytics.Data;

namespace Nmt.Analytics.Outcomes;

/// <summary>The episode table (one row per client) and the sessions or clients left out, with reasons.</summary>
/// <param name="Episodes">One row per client with a computable episode; columns listed in <see cref="EpisodeTable"/>.</param>
/// <param name="Exclusions">Rows and clients whose episode (or part of it) could not be computed.</param>
/// <param name="Criteria">The responder thresholds applied.</param>
public sealed record EpisodeResult(ColumnTable Episodes, IReadOnlyList<RowExclusion> Exclusions, ResponderCriteria Criteria);
