using Nmt.Analytics.Outcomes;

namespace Nmt.Analytics.Cli.Commands;

/// <summary>
/// <c>nmt describe DATA [--by technique|region|stress|hydration|sleep|clinic|all] [--bootstrap B] [--seed S] [--min-cell N]
/// [--clinical [--sem S] [--mcid POINTS] [--mcid-pct PCT] [--cutoff PAIN]] [--format table|json|csv]</c>: <see cref="DescribeRequest"/>.
/// </summary>
internal static class DescribeCommand
{
    public static Command Create(CliContext context)
    {
        var by = Declare.Option("--by", "Grouping(s), comma-separated: technique, region, stress, hydration, sleep, clinic or all.", "all");
        var bootstrap = Declare.Option("--bootstrap", "Cluster-bootstrap replicates B (resampling clients); 0 = no bootstrap.", 0);
        var seed = Declare.Option("--seed", "Bootstrap seed.", 1);
        var minCell = Declare.Option("--min-cell", "Suppress cells with fewer clients than this (privacy).", 11);
        var format = CommonOptions.FormatOption();
        var clinical = Declare.Option<bool>("--clinical", "Classify each client's episode: reliable change (Jacobson-Truax), recovered, MCID responders; counts per --by group.");
        var sem = Declare.Option<double?>("--sem", "Clinical: standard error of measurement of one NPRS reading (default 1.02, Childs et al. 2005).");
        var mcid = Declare.Option<double?>("--mcid", "Clinical: MCID in NPRS points (default 2, Farrar et al. 2001).");
        var mcidPct = Declare.Option<double?>("--mcid-pct", "Clinical: MCID in percent of baseline pain (default 30, Farrar et al. 2001).");
        var cutoff = Declare.Option<double?>("--cutoff", "Clinical: final pain at or below which a reliably improved client is recovered (default 4, Serlin et al. 1995).");
        var command = new Command("describe", "Pain change by technique, region and factor, with confidence intervals.")
        {
            CommonOptions.DataArgument(), CommonOptions.DemoOption(), by, bootstrap, seed, minCell, format, clinical, sem, mcid, mcidPct, cutoff,
        };
        var engine = new EngineCommandOptions(command);
        command.SetAction(parse => context.Print(parse.GetValue(format), () => new DescribeRequest
        {
            Engine = engine.Read(parse),
            By = parse.GetValue(by) ?? "all",
            Bootstrap = parse.GetValue(bootstrap),
            Seed = parse.GetValue(seed),
            MinCell = parse.GetValue(minCell),
            Clinical = parse.GetValue(clinical),
            Thresholds = (parse.GetValue(sem), parse.GetValue(mcid), parse.GetValue(mcidPct), parse.GetValue(cutoff)),
        }.Run(CommonOptions.Source(parse))));
        return command;
    }
}
