using System.CommandLine;
using Nmt.Analytics.Data;
using Nmt.Analytics.Outcomes;

namespace Nmt.Analytics.Cli.Commands;

/// <summary>
/// <c>nmt describe DATA --clinical [--by region|clinic|technique|COLUMN] [--sem S] [--mcid POINTS] [--mcid-pct PCT]
/// [--cutoff PAIN] [--min-cell N]</c>: Jacobson–Truax classes, recovered and MCID responders per group, with the thresholds
/// and their sources (JSON keys <c>clinical</c> and <c>thresholds</c>).
/// </summary>
internal static class ClinicalDescribe
{
    private static readonly Option<double?> Sem = new("--sem") { Description = "Clinical: standard error of measurement of one NPRS reading (default 1.02, Childs et al. 2005)." };
    private static readonly Option<double?> Mcid = new("--mcid") { Description = "Clinical: MCID in NPRS points (default 2, Farrar et al. 2001)." };
    private static readonly Option<double?> McidPct = new("--mcid-pct") { Description = "Clinical: MCID in percent of baseline pain (default 30, Farrar et al. 2001)." };
    private static readonly Option<double?> Cutoff = new("--cutoff") { Description = "Clinical: final pain at or below which a reliably improved client is recovered (default 4, Serlin et al. 1995)." };

    /// <summary>Adds <c>--clinical</c> and its threshold options to <paramref name="command"/>; returns the switch.</summary>
    public static Option<bool> AddOptions(Command command)
    {
        var clinical = new Option<bool>("--clinical") { Description = "Classify each client's episode: reliable change (Jacobson-Truax), recovered, MCID responders; counts per --by group." };
        foreach (var option in new Option[] { clinical, Sem, Mcid, McidPct, Cutoff })
        {
            command.Options.Add(option);
        }
        return clinical;
    }

    /// <summary>Runs the classification on the loaded sessions and writes it with the row accounting.</summary>
    public static int Run(CliContext context, ParseResult parse, LoadedData loaded)
    {
        var by = parse.GetValue<string>("--by") is { } b && b != "all"
            ? b.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Where(g => g != "all").ToArray()
            : [];
        var options = ClinicalOptions.With(parse.GetValue(Sem), parse.GetValue(Mcid), parse.GetValue(McidPct), parse.GetValue(Cutoff), parse.GetValue<int>("--min-cell"));
        var result = ClinicalSignificance.Classify(loaded.Table, by, options);
        context.WriteResult(parse.GetValue<OutputFormat>("--format"), result.ToJson(), result.Tables(), loaded.Account(result.Exclusions));
        return 0;
    }
}
