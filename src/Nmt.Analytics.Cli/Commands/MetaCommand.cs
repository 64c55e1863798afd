using System.CommandLine;
using System.Text.Json.Nodes;
using Nmt.Analytics.Charts;
using Nmt.Analytics.Data;
using Nmt.Analytics.Evidence;
using Nmt.Analytics.Evidence.EffectSizes;
using Nmt.Analytics.Results;

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
            MetaAnalysisResult result;
            List<(string Key, ResultTable Table)> extras;
            string? agreement = null;
            RowAccounting? rows = null;
            var forestPath = parse.GetValue(forest) is { } target ? OutputFiles.CheckFile(target.FullName, parse.GetValue(force)) : null;
            if (parse.GetValue(network) is { } technique)
            {
                var loaded = DataInput.Load(parse.GetValue(data), parse.GetValue(demo), LoadOptions.Default.WithShape(DataShape.Session));
                var measureCode = parse.GetValue(measure) is { } nm ? EffectMeasures.Parse(nm) : EffectMeasure.MeanDifference;
                var synthesis = ClinicContrastSynthesis.Run(loaded.Table, technique, measureCode, options, parse.GetValue(minClients));
                (result, extras, agreement) = (synthesis.Pooled, [("clinics", synthesis.Tidy())], synthesis.Agreement());
                rows = loaded.Account(synthesis.ExcludedRows);
            }
            else
            {
                var table = Load(parse.GetValue(data), parse.GetValue(demo));
                var effects = EffectSizeCalculator.Compute(table, parse.GetValue(measure) is { } m ? EffectMeasures.Parse(m) : EffectMeasures.Infer(table.ColumnNames));
                result = MetaAnalysis.Fit(effects, options);
                extras = Extras(result, parse.GetValue(subgroup), parse.GetValue(moderator), parse.GetValue(leaveOneOut));
            }
            if (forestPath is not null)
            {
                OutputFiles.WriteFile(forestPath, parse.GetValue(force), path => ForestPlot.Save(result, path));
                context.Error.WriteLine($"forest plot written to {forestPath}");
            }
            var summary = parse.GetValue(subgroup) is { } column && result.Effects.Rows[column] is TextColumn
                ? EvidenceSummary.ByGroup(result.Effects, column, options)
                : EvidenceSummary.FromResult(agreement is null ? "All studies" : "All clinics", result);
            Write(context, parse.GetValue(format), result, extras, summary, rows);
            if (agreement is not null && parse.GetValue(format) == OutputFormat.Table)
            {
                context.Out.WriteLine("- " + agreement);
            }
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

    private static List<(string Key, ResultTable Table)> Extras(MetaAnalysisResult result, string? subgroup, string? moderator, bool leaveOneOut)
    {
        var extras = new List<(string, ResultTable)>();
        if (subgroup is not null)
        {
            extras.Add(("subgroups", SubgroupAnalysis.Fit(result.Effects, subgroup, result.Options).Tidy()));
        }
        if (moderator is not null)
        {
            var regression = MetaRegression.Fit(result.Effects, moderator, result.Options);
            extras.Add(("meta_regression", regression.Tidy()));
            extras.Add(("moderator_test", regression.Glance()));
        }
        if (leaveOneOut)
        {
            extras.Add(("leave_one_out", LeaveOneOut.Table(result)));
        }
        return extras;
    }

    private static void Write(
        CliContext context, OutputFormat format, MetaAnalysisResult result, List<(string Key, ResultTable Table)> extras, EvidenceSummary summary,
        RowAccounting? rows)
    {
        if (rows is not null)
        {
            context.ReportRows(format, rows);
        }
        if (format == OutputFormat.Json)
        {
            var json = result.ToJson();
            rows?.AddTo(json);
            foreach (var (key, table) in extras)
            {
                json[key] = table.ToJsonArray();
                if (table.Notes.Count > 0)
                {
                    json[key + "_notes"] = new JsonArray(table.Notes.Select(n => (JsonNode?)JsonValue.Create(n)).ToArray());
                }
            }
            context.WriteJson(json);
            return;
        }
        ResultTable[] tables = [result.Tidy(), result.Glance(), result.StudyTable(), .. extras.Select(e => e.Table)];
        if (format == OutputFormat.Csv)
        {
            context.WriteTables(format, [.. tables, summary.Table()]);
            return;
        }
        context.WriteTables(format, tables);
        context.Out.WriteLine("Evidence summary");
        foreach (var statement in summary.Statements)
        {
            context.Out.WriteLine("- " + statement.Sentence);
        }
    }
}
