using Nmt.Analytics.Benchmarking;
using Nmt.Analytics.Data;
using Nmt.Analytics.Synthetic;

namespace Nmt.Analytics.Tests.Benchmarking;

/// <summary>A 2,000-client, 12-clinic simulated network (seed 7) and the demo data, shared by the benchmark tests.</summary>
public sealed class BenchmarkFixture
{
    public BenchmarkFixture()
    {
        Network = SessionSimulator.Simulate(new SimulationOptions { Clients = 2000, Clinics = 12, Seed = 7 });
        Demo = SessionSimulator.Simulate(DemoData.Options).Table;
        NetworkResult = ClinicBenchmark.Run(Network.Table, new BenchmarkOptions());
    }

    public SimulatedSessions Network { get; }

    public ColumnTable Demo { get; }

    public BenchmarkResult NetworkResult { get; }

    /// <summary>The session rows of the given clinics.</summary>
    public static ColumnTable Clinics(ColumnTable sessions, params string[] clinics)
    {
        var ids = sessions.Text("clinic_id");
        return sessions.Take(Enumerable.Range(0, sessions.RowCount).Where(r => clinics.Contains(ids[r])).ToArray());
    }

    /// <summary>Clinic ids of a session table.</summary>
    public static string[] ClinicIds(ColumnTable sessions) =>
        sessions.Text("clinic_id").Values.OfType<string>().Distinct().Order(StringComparer.Ordinal).ToArray();
}
