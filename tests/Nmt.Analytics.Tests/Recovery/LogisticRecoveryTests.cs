using Nmt.Analytics.Formulas;
using Nmt.Analytics.Models;
using Nmt.Analytics.Outcomes;

namespace Nmt.Analytics.Tests.Recovery;

/// <summary>
/// There is no planted logistic model for responders, but stress blunts every session's improvement (+0.06 per point
/// on pain_change) and the client's stress level persists, so higher baseline stress must lower the odds of responding.
/// </summary>
public sealed class LogisticRecoveryTests(RecoveryFixture fixture) : IClassFixture<RecoveryFixture>
{
    [Fact]
    public void Baseline_stress_lowers_the_odds_of_responding()
    {
        var episodes = EpisodeTable.Build(fixture.Simulated.Table).Episodes;
        var frame = ModelFrameBuilder.Build("responder ~ stress + hydration + chronicity + first_pain_pre", episodes);
        var fit = LogisticModel.Fit(frame);
        var stress = fit.Coefficients.Single(c => c.Term == "stress");
        var hydration = fit.Coefficients.Single(c => c.Term == "hydration");

        Assert.True(fit.Converged);
        Assert.True(stress.Estimate < 0 && stress.CiHigh < 0 && stress.PValue < 0.01, $"stress {stress.Estimate} p {stress.PValue}");
        Assert.True(hydration.Estimate > 0, $"hydration helps improvement, so its log-odds should be positive: {hydration.Estimate}");
        Assert.Equal(fit.ObservationCount + fit.Exclusions.Count, episodes.RowCount);
    }
}
