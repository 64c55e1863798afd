using Nmt.Analytics.Data;
using Nmt.Analytics.Evidence;

namespace Nmt.Analytics.Tests.Recovery;

/// <summary>Within-network synthesis of "sessions with vs without muscle_energy" recovers its planted expectation.</summary>
public sealed class ClinicContrastRecoveryTests(RecoveryFixture fixture) : IClassFixture<RecoveryFixture>
{
    [Fact]
    public void Pooled_contrast_covers_the_planted_expectation()
    {
        var result = ClinicContrastSynthesis.Run(fixture.Simulated.Table, "muscle_energy");
        var expected = ExpectedContrast(fixture.Simulated.Table, "muscle_energy");

        // The contrast is NOT τ_ME = −0.6: a session with MET has one slot fewer for other techniques and never has
        // INIT (−1.5, itself including MET's −0.6), so the "without" sessions carry more of the other techniques' effects. Everything else in
        // pain_change (stress, hydration, chronicity, clinic, u) is independent of the technique draw, so
        // E[contrast] = τ_ME + E[Σ_other τ·tech | MET] − E[Σ_other τ·tech | no MET], computed from the recorded codes
        // and the planted τ. Within a client the sessions are i.i.d. draws, so averaging per client keeps this expectation.
        // Numerically the expectation is near −0.2, a third of τ_ME: INIT (which contains MET) sits on the "without" side.
        Assert.InRange(expected, -0.35, -0.05);
        Assert.InRange(expected, result.Pooled.CiLow, result.Pooled.CiHigh);
        Assert.InRange(result.Pooled.Estimate, expected - 0.1, expected + 0.1);
        Assert.True(result.Pooled.K >= 10, $"only {result.Pooled.K} clinics pooled");
    }

    private double ExpectedContrast(ColumnTable table, string technique)
    {
        var codes = (CodeSetColumn)table["techniques"];
        double OthersEffect(int row) =>
            codes[row]!.Where(c => c != technique).Sum(c => fixture.Truth.Effect("pain_change", "tech_" + c));
        var rows = Enumerable.Range(0, table.RowCount).ToList();
        var with = rows.Where(r => codes.Contains(r, technique)).ToList();
        var without = rows.Where(r => !codes.Contains(r, technique)).ToList();
        return fixture.Truth.Effect("pain_change", "tech_" + technique) + with.Average(OthersEffect) - without.Average(OthersEffect);
    }
}
