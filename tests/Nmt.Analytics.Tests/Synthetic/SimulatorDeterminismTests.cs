using Nmt.Analytics.Data;
using Nmt.Analytics.Synthetic;

namespace Nmt.Analytics.Tests.Synthetic;

public sealed class SimulatorDeterminismTests
{
    [Fact]
    public void Same_seed_gives_identical_data()
    {
        var options = new SimulationOptions { Clients = 300, Clinics = 6, Seed = 42 };
        var first = SessionCsvWriter.ToCsv(SessionSimulator.Simulate(options).Table);
        var second = SessionCsvWriter.ToCsv(SessionSimulator.Simulate(options with { }).Table);
        Assert.Equal(first, second);
    }

    [Fact]
    public void Different_seeds_give_different_data()
    {
        var a = SessionSimulator.Simulate(new SimulationOptions { Clients = 300, Seed = 1 }).Table;
        var b = SessionSimulator.Simulate(new SimulationOptions { Clients = 300, Seed = 2 }).Table;
        Assert.NotEqual(SessionCsvWriter.ToCsv(a), SessionCsvWriter.ToCsv(b));
        Assert.NotEqual(a.Numeric("pain_pre").Values, b.Numeric("pain_pre").Values.Take(a.RowCount).ToArray());
    }

    [Fact]
    public void Continuous_pain_keeps_the_same_episode_structure_but_unrounded_values()
    {
        var rounded = SessionSimulator.Simulate(new SimulationOptions { Clients = 100, Seed = 5 }).Table.Numeric("pain_pre").Values;
        var continuous = SessionSimulator.Simulate(new SimulationOptions { Clients = 100, Seed = 5, IntegerPain = false }).Table.Numeric("pain_pre").Values;
        Assert.Contains(continuous, p => p != Math.Round(p));
        Assert.All(continuous, p => Assert.InRange(p, 0, 10));
        Assert.Equal(rounded[0], Math.Clamp(Math.Round(continuous[0], MidpointRounding.ToEven), 0, 10));
    }

    [Theory]
    [InlineData(0, 12)]
    [InlineData(5, 12)]
    [InlineData(10, 0)]
    public void Invalid_options_are_reported_as_input_errors(int clients, int clinics)
    {
        var e = Assert.Throws<NmtInputException>(() => SessionSimulator.Simulate(new SimulationOptions { Clients = clients, Clinics = clinics }));
        Assert.Contains("--cli", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void One_clinic_works_and_has_no_roles()
    {
        var simulated = SessionSimulator.Simulate(new SimulationOptions { Clients = 15, Clinics = 1 });
        Assert.Equal("ordinary", Assert.Single(simulated.Truth.Clinics).Role);
        Assert.Equal(15, simulated.Table.Text("client_id").Levels().Count);
    }
}
