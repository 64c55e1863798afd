using Nmt.Analytics.Synthetic;

namespace Nmt.Analytics.Tests.Recovery;

/// <summary>Repeated simulation: the 95 % CR1 interval must cover the planted effect about 95 % of the time.</summary>
public class CoverageTests
{
    private const int Replicates = 30;

    // If the true coverage is 95 %, the number of covering intervals X ~ Binomial(30, 0.95) and
    // P(X <= 24) = 0.0033; requiring X >= 25 therefore fails a correct method in about 1 run in 300, while
    // a method whose real coverage were 80 % would pass only with P(X >= 25 | p = 0.8) = 0.43 — and one at 70 % with 0.03.
    private const int MinimumCovered = 25;

    [Fact]
    public void Cr1_interval_of_muscle_energy_covers_the_planted_value_at_the_nominal_rate()
    {
        var covered = 0;
        var estimates = new List<double>();
        for (var seed = 1; seed <= Replicates; seed++)
        {
            var simulated = SessionSimulator.Simulate(new SimulationOptions { Clients = 400, Clinics = 6, Seed = 1000 + seed });
            var planted = simulated.Truth.Effect("pain_change", "tech_muscle_energy");
            var fit = RecoveryData.FitClustered(simulated, simulated.Truth.Model("pain_change").Formula);
            var term = RecoveryData.Term(fit, "tech_muscle_energy");
            estimates.Add(term.Estimate);
            if (planted >= term.CiLow && planted <= term.CiHigh)
            {
                covered++;
            }
        }

        Assert.True(covered >= MinimumCovered, $"covered {covered}/{Replicates}");
        Assert.InRange(estimates.Average(), -0.6 - 0.03, -0.6 + 0.03); // mean of 30 estimates (each SE ≈ 0.04)
    }
}
