using Nmt.Analytics.Data;

namespace Nmt.Analytics.Tests.Synthetic;

/// <summary>Every contract column is present, with valid codes and values in range.</summary>
public sealed class ContractColumnsTests(SimulatedFixture fixture) : IClassFixture<SimulatedFixture>
{
    private static readonly string[] ContractColumns =
    [
        "client_id", "clinic_id", "session", "day", "region", "techniques", "pain_pre", "pain_post",
        "therapist_id", "age_band", "sex", "condition", "chronicity", "stress", "hydration", "sleep_hours", "breathing_pattern",
        "nutrition", "trigger_points", "neural_entrapment", "nerve_compression", "posture_finding", "gait_finding",
        "ppt_pre", "ppt_post", "rom_pre", "rom_post", "disability_instrument", "disability_score", "grc", "duration_min", "adverse_event",
    ];

    private readonly ColumnTable _table = fixture.Table;

    [Fact]
    public void Every_contract_column_is_present_and_required_ones_are_complete()
    {
        Assert.Equal(ContractColumns.Order(StringComparer.Ordinal), _table.ColumnNames.Order(StringComparer.Ordinal));
        foreach (var required in new[] { "client_id", "clinic_id", "session", "day", "region", "techniques", "pain_pre", "pain_post" })
        {
            Assert.Equal(0, _table[required].MissingCount());
        }
    }

    [Theory]
    [InlineData("region", "head_jaw,cervical,thoracic,lumbar,pelvis_hip,shoulder,elbow_forearm,wrist_hand,knee,ankle_foot,multiple")]
    [InlineData("sex", "F,M,X,U")]
    [InlineData("age_band", "<18,18-29,30-39,40-49,50-59,60-69,70-79,80+")]
    [InlineData("condition", "chronic_pain,acute_injury,post_surgical,sport_dance")]
    [InlineData("chronicity", "acute,subacute,chronic")]
    [InlineData("breathing_pattern", "diaphragmatic,upper_chest,paradoxical,mixed")]
    [InlineData("disability_instrument", "ndi,odi,quickdash,lefs,psfs")]
    public void Text_columns_use_only_known_codes(string column, string codes)
    {
        var allowed = codes.Split(',');
        Assert.All(_table.Text(column).Levels(), level => Assert.Contains(level, allowed));
    }

    [Fact]
    public void Techniques_are_non_empty_contract_codes()
    {
        var allowed = new[] { "ischemic_compression", "positional_release", "strain_counterstrain", "muscle_energy", "init", "soft_tissue_release", "stacking", "induration", "other" };
        var techniques = (CodeSetColumn)_table["techniques"];
        Assert.Equal(allowed.Order(StringComparer.Ordinal), techniques.Codes());
        Assert.All(techniques.Values, set => Assert.InRange(set!.Length, 1, 3));
    }

    [Theory]
    [InlineData("pain_pre", 0, 10)]
    [InlineData("pain_post", 0, 10)]
    [InlineData("session", 1, 12)]
    [InlineData("day", 0, 12 * 38)]
    [InlineData("stress", 0, 10)]
    [InlineData("hydration", 0.2, 5)]
    [InlineData("sleep_hours", 3, 11)]
    [InlineData("nutrition", 1, 5)]
    [InlineData("trigger_points", 0, 20)]
    [InlineData("neural_entrapment", 0, 1)]
    [InlineData("nerve_compression", 0, 1)]
    [InlineData("ppt_pre", 0.5, 12)]
    [InlineData("rom_post", 5, 180)]
    [InlineData("disability_score", 0, 100)]
    [InlineData("grc", -7, 7)]
    [InlineData("duration_min", 30, 90)]
    [InlineData("adverse_event", 0, 1)]
    public void Numbers_stay_in_their_ranges(string column, double low, double high)
    {
        var values = _table.Numeric(column).Values.Where(v => !double.IsNaN(v)).ToList();
        Assert.NotEmpty(values);
        Assert.All(values, v => Assert.InRange(v, low, high));
    }

    [Fact]
    public void Sessions_are_consecutive_and_days_increase()
    {
        foreach (var episode in fixture.Episodes())
        {
            for (var k = 0; k < episode.Count; k++)
            {
                Assert.Equal(k + 1, _table.Numeric("session")[episode[k]]);
                Assert.True(k == 0 ? _table.Numeric("day")[episode[k]] == 0 : _table.Numeric("day")[episode[k]] > _table.Numeric("day")[episode[k - 1]]);
            }
        }
    }

    [Fact]
    public void Disability_is_recorded_only_at_the_first_and_last_session()
    {
        foreach (var episode in fixture.Episodes())
        {
            foreach (var row in episode.Skip(1).SkipLast(1))
            {
                Assert.Null(_table.Text("disability_instrument")[row]);
            }
            Assert.NotNull(_table.Text("disability_instrument")[episode[0]]);
        }
    }
}
