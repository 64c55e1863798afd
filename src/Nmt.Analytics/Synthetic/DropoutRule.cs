namespace Nmt.Analytics.Synthetic;

/// <summary>A planted probability of leaving care after a session, given progress so far.</summary>
/// <param name="When">The progress band, on improvement = pain_pre(session 1) − pain_post(this session).</param>
/// <param name="Probability">Probability of making this session the last.</param>
/// <param name="Meaning">What the rule models.</param>
public sealed record DropoutRule(string When, double Probability, string Meaning);
