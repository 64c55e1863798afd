using Nmt.Analytics.Data;
using Nmt.Analytics.Synthetic;

namespace Nmt.Analytics.Tests.Synthetic;

/// <summary>One 2,000-client simulation shared by the planted-fact tests (seed 7).</summary>
public sealed class SimulatedFixture
{
    public SimulatedFixture()
    {
        Simulated = SessionSimulator.Simulate(new SimulationOptions { Clients = 2000, Clinics = 12, Seed = 7 });
        Table = Simulated.Table;
    }

    public SimulatedSessions Simulated { get; }

    public ColumnTable Table { get; }

    public GroundTruth Truth => Simulated.Truth;

    public double PainChange(int row) => Table.Numeric("pain_post")[row] - Table.Numeric("pain_pre")[row];

    /// <summary>Row indices grouped by client, in session order (the simulator writes them that way).</summary>
    public List<List<int>> Episodes()
    {
        var ids = Table.Text("client_id");
        var episodes = new List<List<int>>();
        for (var row = 0; row < Table.RowCount; row++)
        {
            if (row == 0 || ids[row] != ids[row - 1])
            {
                episodes.Add([]);
            }
            episodes[^1].Add(row);
        }
        return episodes;
    }
}
