namespace Nmt.Analytics.Evidence;

/// <summary>One line of an <see cref="EvidenceSummary"/>: a pooled result, its certainty cues and a plain-language sentence.</summary>
/// <param name="Label">What was pooled, e.g. a technique code.</param>
/// <param name="Result">The meta-analysis (null when there were too few studies to pool).</param>
/// <param name="Imprecision">Imprecision cue (<see cref="CertaintyCues.Imprecision"/>).</param>
/// <param name="Inconsistency">Inconsistency cue (<see cref="CertaintyCues.Inconsistency"/>).</param>
/// <param name="Sentence">Plain-language summary.</param>
public sealed record EvidenceStatement(string Label, MetaAnalysisResult? Result, string Imprecision, string Inconsistency, string Sentence);
