using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Nmt.Analytics.Benchmarking;
using Nmt.Analytics.Data;
using Nmt.Analytics.Outcomes;
using Nmt.Analytics.Tests.Fuzz;

namespace Nmt.Analytics.Tests.Data;

/// <summary>
/// Nothing lost, as a property: for random mutations of a valid file, every row read is either used or listed as
/// excluded (n_used + excluded = n_read), n_read is the number of records in the file, and no reason names a client.
/// </summary>
public sealed class RowConservationProperties
{
    private static readonly string Valid = SimulatedCsv.Of(60, 4, 11);

    [Property(MaxTest = 60)]
    public Property Every_row_read_is_used_or_listed(PositiveInt seed, byte damage)
    {
        var (csv, records) = Mutations.Apply(Valid, seed.Get, 1 + (damage % 25));
        LoadedData loaded;
        try
        {
            loaded = DataLoader.Load(SimulatedCsv.Stream(csv), "mutated.csv");
        }
        catch (NmtInputException e)
        {
            return (!e.Message.Contains("bob@x.org", StringComparison.Ordinal)).Label("refusal echoes an identifier: " + e.Message);
        }
        var load = loaded.Account();
        var describe = loaded.Account(DescriptiveAnalysis.Run(loaded.Table, null, SummaryOptions.Default).Exclusions);
        var benchmark = Benchmark(loaded);
        return (load.Read == records).Label($"n_read {load.Read} != {records} records")
            .And(loaded.Table.RowCount + loaded.Exclusions.Count == records).Label("table rows + load exclusions != records")
            .And(Conserved(load) && Conserved(describe) && (benchmark is null || Conserved(benchmark))).Label("n_used + excluded != n_read")
            .And(load.Excluded.All(e => !e.Reason.Contains("P00", StringComparison.Ordinal))).Label("a reason names a client");
    }

    private static bool Conserved(RowAccounting rows) =>
        rows.Used + rows.Excluded.Count == rows.Read && rows.Excluded.Select(e => e.Line).Distinct().Count() == rows.Excluded.Count;

    private static RowAccounting? Benchmark(LoadedData loaded)
    {
        try
        {
            return loaded.Account(ClinicBenchmark.Run(loaded.Table, new BenchmarkOptions { MinClients = 5 }).Exclusions);
        }
        catch (NmtInputException)
        {
            return null; // too few clinics left to compare: a user error, not a loss
        }
    }
}
