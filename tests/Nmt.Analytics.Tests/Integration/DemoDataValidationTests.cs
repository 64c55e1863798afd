using Nmt.Analytics.Data;
using Nmt.Analytics.Synthetic;

namespace Nmt.Analytics.Tests.Integration;

/// <summary>The simulator and the validator agree on the contract: simulated data are valid data.</summary>
public class DemoDataValidationTests
{
    [Fact]
    public void Bundled_demo_data_validates_without_errors_and_loads_every_row()
    {
        using var stream = DemoData.OpenSessionsCsv();
        var dataset = SessionDataset.Load(stream, "demo");

        Assert.True(dataset.Validation.IsValid, string.Join("\n", dataset.Validation.Errors.Take(5)));
        Assert.Empty(dataset.Exclusions);
        Assert.Equal(4181, dataset.Table.RowCount);
        Assert.False(dataset.Anonymity.HasDirectIdentifiers);
    }

    [Fact]
    public void Freshly_simulated_data_uses_only_vocabulary_codes()
    {
        var simulated = SessionSimulator.Simulate(new SimulationOptions { Clients = 300, Clinics = 6, Seed = 7 });
        var report = SessionValidator.Validate(simulated.Table, "simulated");

        Assert.Equal(0, report.ErrorCount);
    }
}
