using Nmt.Analytics.Data;
using Nmt.Analytics.Synthetic;

namespace Nmt.Analytics.Tests.Synthetic;

/// <summary>Planted facts must show in plain summaries computed here, independently of the simulator's code.</summary>
public sealed class PlantedFactsTests(SimulatedFixture fixture) : IClassFixture<SimulatedFixture>
{
    private readonly ColumnTable _table = fixture.Table;

    [Fact]
    public void Single_technique_means_differ_by_the_planted_technique_effects()
    {
        var muscleEnergy = MeanChangeOfSessionsWithOnly("muscle_energy");
        var other = MeanChangeOfSessionsWithOnly("other");
        var init = MeanChangeOfSessionsWithOnly("init");
        var planted = fixture.Truth.Effect("pain_change", "tech_muscle_energy") - fixture.Truth.Effect("pain_change", "tech_other");
        Assert.Equal(-0.5, planted, 12);
        Assert.InRange(muscleEnergy - other, planted - 0.2, planted + 0.2);
        var plantedInit = fixture.Truth.Effect("pain_change", "tech_init") - fixture.Truth.Effect("pain_change", "tech_other");
        Assert.InRange(init - other, plantedInit - 0.25, plantedInit + 0.25);
    }

    [Fact]
    public void Init_is_the_sum_of_its_components_and_never_coded_with_them()
    {
        var truth = fixture.Truth;
        var sum = truth.Effect("pain_change", "tech_ischemic_compression") + truth.Effect("pain_change", "tech_positional_release")
            + truth.Effect("pain_change", "tech_muscle_energy");
        Assert.Equal(sum, truth.Effect("pain_change", "tech_init"), 12);
        var techniques = (CodeSetColumn)_table["techniques"];
        for (var row = 0; row < _table.RowCount; row++)
        {
            if (techniques.Contains(row, "init"))
            {
                Assert.DoesNotContain(techniques[row]!, c => SimulationCodes.InitComponents.Contains(c));
            }
        }
    }

    [Fact]
    public void Better_and_worse_clinics_differ_from_ordinary_ones_by_their_planted_effects()
    {
        var byRole = fixture.Truth.Clinics.ToDictionary(c => c.ClinicId, c => c.Role);
        var clinic = _table.Text("clinic_id");
        double MeanOf(string role) => Enumerable.Range(0, _table.RowCount).Where(r => byRole[clinic[r]!] == role).Average(fixture.PainChange);
        var ordinary = MeanOf("ordinary");
        var better = fixture.Truth.Clinics.Single(c => c.Role == "better");
        var worse = fixture.Truth.Clinics.Single(c => c.Role == "worse");
        Assert.Equal(-0.7, better.Effect);
        Assert.Equal(0.7, worse.Effect);
        Assert.InRange(MeanOf("better") - ordinary, better.Effect - 0.2, better.Effect + 0.2);
        Assert.InRange(MeanOf("worse") - ordinary, worse.Effect - 0.2, worse.Effect + 0.2);
        Assert.True(MeanOf("case_mix") > ordinary + 0.1, "the case-mix clinic should look worse before adjustment");
    }

    [Fact]
    public void Tiny_clinic_has_fewer_than_eleven_clients()
    {
        var tiny = fixture.Truth.Clinics.Single(c => c.Role == "tiny");
        var clients = Enumerable.Range(0, _table.RowCount).Where(r => _table.Text("clinic_id")[r] == tiny.ClinicId)
            .Select(r => _table.Text("client_id")[r]).Distinct().Count();
        Assert.Equal(tiny.NClients, clients);
        Assert.InRange(clients, 1, 10);
        Assert.Equal(2000, fixture.Truth.Clinics.Sum(c => c.NClients));
    }

    [Fact]
    public void Dropout_after_a_session_follows_the_planted_progress_bands()
    {
        var left = new Dictionary<string, (int Left, int AtRisk)>(StringComparer.Ordinal);
        foreach (var episode in fixture.Episodes())
        {
            var firstPre = _table.Numeric("pain_pre")[episode[0]];
            for (var k = 2; k < episode.Count; k++)
            {
                var row = episode[k];
                if (_table.Numeric("session")[row] >= 12)
                {
                    break;
                }
                var improvement = firstPre - _table.Numeric("pain_post")[row];
                var band = improvement >= 4 ? "recovered" : improvement <= 0 ? "not_helped" : "otherwise";
                var (l, n) = left.GetValueOrDefault(band);
                left[band] = (l + (k == episode.Count - 1 ? 1 : 0), n + 1);
            }
        }
        double Rate(string band) => (double)left[band].Left / left[band].AtRisk;
        Assert.InRange(Rate("recovered"), 0.40 - 0.06, 0.40 + 0.06);
        Assert.InRange(Rate("not_helped"), 0.35 - 0.06, 0.35 + 0.06);
        Assert.InRange(Rate("otherwise"), 0.08 - 0.03, 0.08 + 0.03);
        Assert.All(fixture.Episodes(), e => Assert.InRange(e.Count, 3, 12));
    }

    [Fact]
    public void Pain_before_treatment_falls_by_the_planted_slope_between_session_one_and_two()
    {
        var pre = _table.Numeric("pain_pre");
        var differences = fixture.Episodes().Select(e => pre[e[1]] - pre[e[0]]).ToList();
        Assert.InRange(differences.Average(), fixture.Truth.Effect("pain_pre", "session") - 0.1, fixture.Truth.Effect("pain_pre", "session") + 0.1);
    }

    [Fact]
    public void Clipping_at_the_ends_of_the_scale_is_rare()
    {
        var pre = _table.Numeric("pain_pre").Values;
        Assert.True(pre.Count(p => p is 0 or 10) < 0.02 * pre.Length);
        Assert.All(pre, p => Assert.Equal(Math.Round(p), p));
    }

    [Theory]
    [InlineData("stress", 0.08)]
    [InlineData("hydration", 0.12)]
    [InlineData("ppt_pre", 0.50)]
    [InlineData("ppt_post", 0.50)]
    [InlineData("rom_pre", 0.40)]
    [InlineData("duration_min", 0.05)]
    [InlineData("breathing_pattern", 0.15)]
    [InlineData("gait_finding", 0.20)]
    [InlineData("nutrition", 0.20)]
    public void Missingness_rates_match_the_planted_rates(string column, double rate)
    {
        var observed = (double)_table[column].MissingCount() / _table.RowCount;
        var planted = fixture.Truth.Missingness.Single(m => m.Column == column.Replace("_post", "_pre", StringComparison.Ordinal)).Rate;
        Assert.Equal(rate, planted);
        var tolerance = fixture.Truth.Missingness.Single(m => m.Column == column.Replace("_post", "_pre", StringComparison.Ordinal)).Level == "client" ? 0.04 : 0.02;
        Assert.InRange(observed, rate - tolerance, rate + tolerance);
    }

    [Fact]
    public void Without_missingness_only_structural_gaps_remain_and_values_agree()
    {
        var complete = SessionSimulator.Simulate(new SimulationOptions { Clients = 200, Seed = 7, Missingness = false }).Table;
        var holed = SessionSimulator.Simulate(new SimulationOptions { Clients = 200, Seed = 7 }).Table;
        Assert.Equal(0, complete["stress"].MissingCount());
        Assert.Equal(0, complete["rom_pre"].MissingCount());
        Assert.Equal(complete.Numeric("pain_pre").Values, holed.Numeric("pain_pre").Values);
    }

    private double MeanChangeOfSessionsWithOnly(string code)
    {
        var techniques = (CodeSetColumn)_table["techniques"];
        return Enumerable.Range(0, _table.RowCount).Where(r => techniques[r] is [var only] && only == code).Average(fixture.PainChange);
    }
}
