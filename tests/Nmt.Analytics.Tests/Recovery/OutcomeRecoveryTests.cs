using Nmt.Analytics.Outcomes;

namespace Nmt.Analytics.Tests.Recovery;

/// <summary>Plain summaries show the planted clinic differences: C01 (better, −0.7 per session) vs C02 (worse, +0.7).</summary>
public sealed class OutcomeRecoveryTests(RecoveryFixture fixture) : IClassFixture<RecoveryFixture>
{
    [Fact]
    public void Mean_session_pain_change_differs_by_the_planted_clinic_gap()
    {
        // No suppression: a recovery check on simulated data, not a shared output (the complement of the tiny clinic
        // would otherwise be hidden).
        var summary = PainChangeSummary.Summarise(fixture.Simulated.Table, [SessionGrouping.Clinic], new SummaryOptions(MinClients: 0)).Table;
        double Mean(string clinic) =>
            (double)summary.Rows.Single(r => (string?)r[summary.Columns.ToList().IndexOf("level")] == clinic)[summary.Columns.ToList().IndexOf("mean")]!;

        // Techniques are assigned independently of clinic; C01 and C02 draw ordinary case mix, so the raw gap estimates
        // effect(C02) − effect(C01) = 1.4 up to sampling noise (SE ≈ 0.05) and clipping at 0 (which shrinks it slightly).
        var planted = fixture.Truth.Clinic("C02").Effect - fixture.Truth.Clinic("C01").Effect;
        Assert.Equal(1.4, planted, 12);
        Assert.InRange(Mean("C02") - Mean("C01"), planted - 0.3, planted + 0.15);
    }

    [Fact]
    public void Episodes_of_the_better_clinic_improve_more_and_respond_more_often()
    {
        var episodes = EpisodeTable.Build(fixture.Simulated.Table).Episodes;
        var clinic = episodes.Text("clinic_id");
        var change = episodes.Numeric("episode_change");
        var responder = episodes.Numeric("responder");
        double MeanOf(string id, Nmt.Analytics.Data.NumericColumn column) =>
            Enumerable.Range(0, episodes.RowCount).Where(r => clinic[r] == id && !column.IsMissing(r)).Average(r => column[r]);

        // episode_change = last pain_post − first pain_pre: the clinic acts on the last session's change only
        // (no carry-over), so the expected gap is about 1.4, less what differential dropout removes.
        Assert.InRange(MeanOf("C02", change) - MeanOf("C01", change), 0.8, 2.0);
        Assert.True(MeanOf("C01", responder) > MeanOf("C02", responder) + 0.15,
            $"responder rate C01 {MeanOf("C01", responder):F2} vs C02 {MeanOf("C02", responder):F2}");
    }
}
