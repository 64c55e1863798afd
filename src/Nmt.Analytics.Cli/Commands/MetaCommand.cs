using System.CommandLine;
using Nmt.Analytics.Charts;
using Nmt.Analytics.Data;
using Nmt.Analytics.Evidence;
using Nmt.Analytics.Evidence.EffectSizes;

namespace Nmt.Analytics.Cli.Commands;

/// <summary>
/// <c>nmt meta DATA [--measure SMD|MD|RR|OR|RD|GEN] [--method REML|DL|FE|PM] [--hk] [--pi riley] [--subgroup COL]
/// [--moderator COL] [--leave-one-out] [--forest FILE.png|svg] [--format table|json|csv]</c>: meta-analysis of a study table.
/// </summary>
internal static class MetaCommand
{
    public static Command Create(CliContext context)
    {
        var data = new Argument<FileInfo?>("DATA")
        {
            Description = "Study table (CSV, ',' or ';'): study, then yi,vi (GEN) or m1,sd1,n1,m2,sd2,n2 (MD/SMD) or ai,bi,ci,di (RR/OR). Omit with --demo.",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var demo = new Option<bool>("--demo") { Description = "Use the bundled SYNTHETIC demo study table (13 invented NMT trials; illustrative only)." };
        var measure = new Option<string?>("--measure") { HelpName = "SMD|MD|RR|OR|RD|GEN", Description = "SMD, MD, RR, OR, RD or GEN (default: inferred from the columns; SMD for means, RR for counts)." };
        var method = new Option<string>("--method") { HelpName = "REML|DL|FE|PM", Description = "tau^2 estimator: REML (default), DL, FE or PM.", DefaultValueFactory = _ => "REML" };
        var hk = new Option<bool>("--hk") { Description = "Hartung-Knapp-Sidik-Jonkman adjustment: t(k-1) tests, CIs and prediction interval." };
        var pi = new Option<string?>("--pi") { HelpName = "riley", Description = "Prediction interval: 'riley' for t(k-2) (Riley et al. 2011); default is metafor's normal-theory interval." };
        var subgroup = new Option<string?>("--subgroup") { HelpName = "COL", Description = "Categorical column: pool each level separately and test subgroup differences." };
        var moderator = new Option<string?>("--moderator") { HelpName = "COL", Description = "Column for a meta-regression on one moderator (numeric or categorical)." };
        var leaveOneOut = new Option<bool>("--leave-one-out") { Description = "Refit without each study in turn." };
        var network = new Option<string?>("--network")
        {
            HelpName = "TECHNIQUE",
            Description = "Within-network synthesis: DATA is SESSION data; each clinic's pain change with TECHNIQUE vs without is pooled across clinics (do clinics agree?). --measure MD (default) or SMD.",
        };
        var minClients = new Option<int>("--min-clients") { Description = "--network: clinics with fewer clients in either group are left out (small cells).", DefaultValueFactory = _ => 11 };
        var forest = new Option<FileInfo?>("--forest") { HelpName = "FILE.png|svg", Description = "Write a forest plot to FILE.png or FILE.svg." };
        var force = new Option<bool>("--force") { Description = "Replace an existing --forest file." };
        var format = CliContext.FormatOption();
        var command = new Command("meta", "Meta-analysis of study-level effects (matches R's metafor rma()).");
        command.Arguments.Add(data);
        foreach (var option in new Option[] { demo, measure, method, hk, pi, subgroup, moderator, leaveOneOut, network, minClients, forest, force, format })
        {
            command.Options.Add(option);
        }
        command.SetAction(parse => context.Guard(() =>
        {
            var options = new MetaAnalysisOptions
            {
                Method = MetaAnalysisOptions.ParseMethod(parse.GetValue(method) ?? "REML"),
                HartungKnapp = parse.GetValue(hk),
                PredictionInterval = ParsePi(parse.GetValue(pi)),
            };
            var forestPath = parse.GetValue(forest) is { } target ? OutputFiles.CheckFile(target.FullName, parse.GetValue(force)) : null;
            var measureCode = parse.GetValue(measure) is { } m ? EffectMeasures.Parse(m) : (EffectMeasure?)null;
            MetaAnalysisReport report;
            RowAccounting? rows = null;
            if (parse.GetValue(network) is { } technique)
            {
                var loaded = DataInput.Load(parse.GetValue(data), parse.GetValue(demo), LoadOptions.Default.WithShape(DataShape.Session));
                report = MetaAnalysisReport.ForNetwork(
                    loaded.Table, technique, measureCode ?? EffectMeasure.MeanDifference, options, parse.GetValue(minClients), parse.GetValue(subgroup));
                rows = loaded.Account(report.ExcludedRows);
            }
            else
            {
                report = MetaAnalysisReport.ForStudies(
                    Load(parse.GetValue(data), parse.GetValue(demo)), measureCode, options, parse.GetValue(subgroup), parse.GetValue(moderator),
                    parse.GetValue(leaveOneOut));
            }
            if (forestPath is not null)
            {
                OutputFiles.WriteFile(forestPath, parse.GetValue(force), path => ForestPlot.Save(report.Result, path));
                context.Error.WriteLine($"forest plot written to {forestPath}");
            }
            Write(context, parse.GetValue(format), report, rows);
            return 0;
        }));
        return command;
    }

    private static ColumnTable Load(FileInfo? file, bool demo)
    {
        DataInput.CheckSource(file, demo);
        return (file, demo) switch
        {
            (null, true) => DemoStudies.Load(),
            (not null, false) => StudyTableReader.ReadFile(file.FullName),
            (not null, true) => throw new NmtInputException("give either a DATA file or --demo, not both."),
            _ => throw new NmtInputException("no data: give a study table file, or --demo for the bundled synthetic example."),
        };
    }

    private static PredictionIntervalKind ParsePi(string? value) => value?.ToUpperInvariant() switch
    {
        null or "NORMAL" or "Z" or "DEFAULT" => PredictionIntervalKind.Normal,
        "RILEY" => PredictionIntervalKind.Riley,
        _ => throw new NmtInputException($"unknown --pi '{value}'. Use 'riley' (or leave it out for metafor's default)."),
    };

    private static void Write(CliContext context, OutputFormat format, MetaAnalysisReport report, RowAccounting? rows)
    {
        if (rows is not null)
        {
            context.ReportRows(format, rows);
        }
        switch (format)
        {
            case OutputFormat.Json:
                context.WriteJson(report.ToJson(rows));
                return;
            case OutputFormat.Csv:
                context.WriteTables(format, [.. report.Tables(), report.Summary.Table()]);
                return;
        }
        context.WriteTables(format, report.Tables());
        context.Out.WriteLine("Evidence summary");
        foreach (var statement in report.Summary.Statements)
        {
            context.Out.WriteLine("- " + statement.Sentence);
        }
        if (report.Agreement is not null)
        {
            context.Out.WriteLine("- " + report.Agreement);
        }
    }
}
