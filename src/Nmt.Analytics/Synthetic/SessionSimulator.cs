using System.Globalization;

namespace Nmt.Analytics.Synthetic;

/// <summary>
/// Simulates realistic NMT episodes of care with planted, documented effects (docs/simulator.md): a linear mixed
/// model for pain before each session, additive immediate technique effects, better/worse/tiny clinics,
/// progress-dependent dropout and MCAR missingness. Deterministic by seed: client k draws from its own stream.
/// </summary>
public static class SessionSimulator
{
    /// <summary>Simulates the dataset described by <paramref name="options"/>.</summary>
    /// <exception cref="NmtInputException">The options are invalid (e.g. no clients).</exception>
    public static SimulatedSessions Simulate(SimulationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var clinics = ClinicPlanner.Plan(options);
        var output = new SimulatedColumns((int)Math.Min(int.MaxValue, options.Clients * 7L));
        var simulator = new ClientSimulator(options, new TechniqueSampler());
        var width = Math.Max(4, options.Clients.ToString(CultureInfo.InvariantCulture).Length);
        var client = 0;
        foreach (var clinic in clinics)
        {
            for (var k = 0; k < clinic.NClients; k++, client++)
            {
                var clientId = "P" + (client + 1).ToString(CultureInfo.InvariantCulture).PadLeft(width, '0');
                simulator.Simulate(client, clientId, clinic, output);
            }
        }
        return new SimulatedSessions(output.ToTable(), GroundTruthBuilder.Build(options, clinics));
    }
}
