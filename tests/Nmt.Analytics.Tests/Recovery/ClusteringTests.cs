using Nmt.Analytics.Models;

namespace Nmt.Analytics.Tests.Recovery;

/// <summary>
/// Why clustering matters: pain_pre carries a planted client intercept (SD 1.0) and slope (SD 0.10) next to a
/// residual SD of 0.7 (intraclass correlation ≈ 1/(1 + 0.49) ≈ 0.67), so sessions of one client are far from
/// independent and classical SEs are too small. pain_change has no client-level random effect in the generating
/// model (only the independent u ~ N(0, 0.8²) once the covariates are in), so there CR1 and classical SEs agree.
/// </summary>
public sealed class ClusteringTests(RecoveryFixture fixture) : IClassFixture<RecoveryFixture>
{
    // The fixed part of the planted pain_pre model (docs/simulator.md), fitted by OLS (the client effects stay in the error).
    private const string PainPreFixed =
        "pain_pre ~ session + stress + hydration + sleep_hours + nutrition + breathing_pattern + region + condition + chronicity";

    [Fact]
    public void Classical_standard_errors_understate_uncertainty_when_clients_share_an_effect()
    {
        var classical = RecoveryData.Fit(fixture.Simulated, PainPreFixed, CovarianceType.Classical);
        var clustered = RecoveryData.FitClustered(fixture.Simulated, PainPreFixed);

        foreach (var term in new[] { "stress", "hydration", "sleep_hours", "nutrition", "regionlumbar", "conditionsport_dance" })
        {
            var ratio = RecoveryData.Term(clustered, term).StdError / RecoveryData.Term(classical, term).StdError;
            // Design effect for a client-level covariate ≈ 1 + (m − 1)·ICC with m ≈ 7 sessions: √ of it well above 1.5.
            Assert.True(ratio > 1.5, $"{term}: CR1/classical SE ratio {ratio:F2}");
        }
        var stress = RecoveryData.Term(clustered, "stress");
        Assert.InRange(fixture.Truth.Effect("pain_pre", "stress"), stress.CiLow, stress.CiHigh);
    }

    [Fact]
    public void Without_client_effects_clustering_changes_little()
    {
        var formula = fixture.Truth.Model("pain_change").Formula;
        var classical = RecoveryData.Fit(fixture.Simulated, formula, CovarianceType.Classical);
        var clustered = fixture.PainChangeFit;

        foreach (var term in new[] { "tech_muscle_energy", "tech_init", "stress", "hydration" })
        {
            var ratio = RecoveryData.Term(clustered, term).StdError / RecoveryData.Term(classical, term).StdError;
            Assert.InRange(ratio, 0.85, 1.25);
        }
    }
}
