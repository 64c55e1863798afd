using Nmt.Analytics.Charts;
using Nmt.Analytics.Evidence;

namespace Nmt.Analytics.Cli.Commands;

/// <summary>
/// <c>nmt meta DATA [--measure SMD|MD|RR|OR|RD|GEN] [--method REML|DL|FE|PM] [--hk] [--pi riley] [--subgroup COL]
/// [--moderator COL] [--leave-one-out] [--network TECHNIQUE] [--forest FILE.png|svg] [--format table|json|csv]</c>: <see cref="MetaRequest"/>.
/// </summary>
internal static class MetaCommand
{
    public static Command Create(CliContext context)
    {
        var data = CommonOptions.DataArgument("Study table (CSV, ',' or ';'): study, then yi,vi (GEN) or m1,sd1,n1,m2,sd2,n2 (MD/SMD) or ai,bi,ci,di (RR/OR). Omit with --demo.");
        var demo = CommonOptions.DemoOption("Use the bundled SYNTHETIC demo study table (13 invented NMT trials; illustrative only).");
        var measure = Declare.Option<string?>("--measure", "SMD, MD, RR, OR, RD or GEN (default: inferred from the columns; SMD for means, RR for counts).").Shown("SMD|MD|RR|OR|RD|GEN");
        var method = Declare.Option("--method", "tau^2 estimator: REML (default), DL, FE or PM.", "REML").Shown("REML|DL|FE|PM");
        var hk = Declare.Option<bool>("--hk", "Hartung-Knapp-Sidik-Jonkman adjustment: t(k-1) tests, CIs and prediction interval.");
        var pi = Declare.Option<string?>("--pi", "Prediction interval: 'riley' for t(k-2) (Riley et al. 2011); default is metafor's normal-theory interval.").Shown("riley");
        var subgroup = Declare.Option<string?>("--subgroup", "Categorical column: pool each level separately and test subgroup differences.").Shown("COL");
        var moderator = Declare.Option<string?>("--moderator", "Column for a meta-regression on one moderator (numeric or categorical).").Shown("COL");
        var leaveOneOut = Declare.Option<bool>("--leave-one-out", "Refit without each study in turn.");
        var network = Declare.Option<string?>("--network",
            "Within-network synthesis: DATA is SESSION data; each clinic's pain change with TECHNIQUE vs without is pooled across clinics (do clinics agree?). --measure MD (default) or SMD.")
            .Shown("TECHNIQUE");
        var minClients = Declare.Option("--min-clients", "--network: clinics with fewer clients in either group are left out (small cells).", 11);
        var forest = Declare.Option<FileInfo?>("--forest", "Write a forest plot to FILE.png or FILE.svg.").Shown("FILE.png|svg");
        var force = Declare.Option<bool>("--force", "Replace an existing --forest file.");
        var format = CommonOptions.FormatOption();
        var command = new Command("meta", "Meta-analysis of study-level effects (matches R's metafor rma()).")
        {
            data, demo, measure, method, hk, pi, subgroup, moderator, leaveOneOut, network, minClients, forest, force, format,
        };
        command.SetAction(parse => context.Print(parse.GetValue(format), () => new MetaRequest
        {
            Measure = parse.GetValue(measure),
            Method = parse.GetValue(method) ?? "REML",
            HartungKnapp = parse.GetValue(hk),
            PredictionInterval = parse.GetValue(pi),
            Subgroup = parse.GetValue(subgroup),
            Moderator = parse.GetValue(moderator),
            LeaveOneOut = parse.GetValue(leaveOneOut),
            Network = parse.GetValue(network),
            MinClients = parse.GetValue(minClients),
            Forest = parse.GetValue(forest)?.FullName,
            Force = parse.GetValue(force),
        }.Run(CommonOptions.Source(parse), (result, path) => ForestPlot.Save(result, path))));
        return command;
    }
}
