using Nmt.Analytics.Data;
using Nmt.Analytics.Outcomes;

namespace Nmt.Analytics.Tests.Outcomes;

/// <summary>The flow of data counts every row and shows counts of 1–10 as "&lt;11".</summary>
public class DataFlowTests
{
    [Fact]
    public void Counts_rows_sessions_clients_and_episodes_with_small_counts_hidden()
    {
        var sessions = SessionTableBuilder.Many(12, 2);
        RowExclusion[] excluded = [new(40, "pain_pre out of range"), new(41, "pain_pre out of range"), new(41, "region unknown")];

        var steps = DataFlow.Of(sessions, excluded, minClients: 11).Steps;

        Assert.Equal(["Rows read", "Sessions analysed", "Clients", "Episodes (one per client)"], steps.Select(s => s.Label));
        Assert.Equal(["26", "24", "12", "12"], steps.Select(s => s.Count)); // 24 sessions + 2 distinct excluded lines
        Assert.Equal(["<11 rows excluded:", "<11 pain_pre out of range", "<11 region unknown"], steps[0].Excluded);
        Assert.Empty(steps[3].Excluded);
        Assert.Equal("<11", DataFlow.Of(SessionTableBuilder.Many(5, 1), [], 11).Steps[2].Count);
    }
}
