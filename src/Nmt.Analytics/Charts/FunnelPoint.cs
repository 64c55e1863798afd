using Nmt.Analytics.Benchmarking;
using Nmt.Analytics.Results;

namespace Nmt.Analytics.Charts;

/// <summary>One clinic on a funnel plot.</summary>
/// <param name="Clinic">Clinic label.</param>
/// <param name="Clients">Number of clients (the funnel's x axis).</param>
/// <param name="Value">The clinic's (case-mix adjusted) outcome.</param>
/// <param name="Flag">The benchmarking flag when already known; null = derived from the 95 % limits.</param>
public sealed record FunnelPoint(string Clinic, int Clients, double Value, PerformanceFlag? Flag = null)
{
    /// <summary>
    /// Reads clinics from a benchmark table with the contract columns clinic_id, n_clients, <paramref name="valueColumn"/>
    /// and optionally flag (better / as_expected / worse / suppressed). Suppressed clinics (null figures) are kept
    /// with their flag so the chart can count them.
    /// </summary>
    /// <exception cref="NmtInputException">A column is missing or a flag is unknown.</exception>
    public static IReadOnlyList<FunnelPoint> FromBenchmark(ResultTable table, string valueColumn = "observed")
    {
        ChartInputs.RequireColumns(table, "The funnel plot", "clinic_id", "n_clients", valueColumn);
        var clinics = ChartInputs.Text(table, "clinic_id");
        var (n, value) = (table.NumericColumn("n_clients"), table.NumericColumn(valueColumn));
        var hasFlag = table.Columns.Contains("flag", StringComparer.Ordinal);
        return clinics.Select((clinic, i) => new FunnelPoint(clinic, double.IsNaN(n[i]) ? 0 : (int)n[i], value[i],
            hasFlag ? ParseFlag(table[i, "flag"] as string, clinic) : null)).ToArray();
    }

    private static PerformanceFlag? ParseFlag(string? flag, string clinic) => flag switch
    {
        null => null,
        "better" => PerformanceFlag.Better,
        "worse" => PerformanceFlag.Worse,
        "as_expected" => PerformanceFlag.AsExpected,
        "suppressed" => PerformanceFlag.Suppressed,
        _ => throw new NmtInputException($"clinic '{clinic}': unknown flag '{flag}' (use better, as_expected, worse or suppressed)."),
    };
}
