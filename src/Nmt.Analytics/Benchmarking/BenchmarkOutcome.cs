namespace Nmt.Analytics.Benchmarking;

/// <summary>The episode-level outcome clinics are compared on.</summary>
public enum BenchmarkOutcome
{
    /// <summary>
    /// <c>episode_change</c> = last pain_post − first pain_pre (NPRS points). Negative = improvement, so a clinic
    /// whose adjusted change is LOWER than expected is <c>better</c>.
    /// </summary>
    EpisodeChange,

    /// <summary>
    /// <c>responder</c> (1/0: ≥ 2 points and ≥ 30 % improvement). A clinic whose adjusted responder rate is
    /// HIGHER than expected is <c>better</c>.
    /// </summary>
    Responder,
}
