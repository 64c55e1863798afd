using System.CommandLine;
using Nmt.Analytics.Data;
using Nmt.Analytics.Engines;
using Nmt.Analytics.Synthetic;

namespace Nmt.Analytics.Cli.Commands;

/// <summary><c>nmt validate DATA</c>: schema and value checks, excluded rows, anonymity report.</summary>
internal static class ValidateCommand
{
    public static Command Create(CliContext context)
    {
        var data = CommonOptions.DataArgument();
        var demo = CommonOptions.DemoOption();
        var format = CliContext.FormatOption();
        var maxIssues = new Option<int>("--max-issues")
        {
            Description = "How many issues to list (all are counted per rule).",
            DefaultValueFactory = _ => 200,
        };
        var command = new Command("validate", "Check a session dataset against the contract: types, ranges, codes, order, anonymity.");
        command.Arguments.Add(data);
        command.Options.Add(demo);
        command.Options.Add(format);
        command.Options.Add(maxIssues);
        var engine = new EngineCommandOptions(command);
        command.SetAction(parse => context.Guard(() => engine.Requested(parse)
            ? engine.Run(context, parse, EngineValidate.Statements, source =>
            {
                var report = EngineValidate.Run(source);
                EngineCommandOptions.Write(context, parse.GetValue(format), report.ToJson(), report.Tables(), $"{report.Source}: {report.ErrorCount} error(s), {report.ExcludedRows} row(s) with an error.");
                return report.IsValid ? 0 : 1;
            })
            : Run(context, parse.GetValue(data), parse.GetValue(demo), parse.GetValue(format), parse.GetValue(maxIssues))));
        return command;
    }

    private static int Run(CliContext context, FileInfo? data, bool demo, OutputFormat format, int maxIssues)
    {
        if (maxIssues < 0)
        {
            throw new NmtInputException("--max-issues must be 0 or more.");
        }
        var options = new LoadOptions { MaxIssues = maxIssues };
        var report = Validate(data, demo, options);
        if (format == OutputFormat.Json)
        {
            context.WriteJson(report.ToJson());
        }
        else
        {
            context.WriteTables(format, report.Tables());
        }
        foreach (var error in report.Errors)
        {
            context.Error.WriteLine(error.ToString());
        }
        if (!report.IsValid)
        {
            context.Error.WriteLine($"{report.SourceName}: {report.ErrorCount} error(s), {report.ExcludedRows} row(s) excluded.");
        }
        return report.IsValid ? 0 : 1;
    }

    private static ValidationReport Validate(FileInfo? data, bool demo, LoadOptions options)
    {
        DataInput.CheckSource(data, demo);
        if (demo)
        {
            using var stream = DemoData.OpenSessionsCsv();
            return SessionValidator.Validate(stream, DataLoader.DemoName, options);
        }
        return data is null
            ? throw new NmtInputException("give a DATA file (CSV or Parquet) or --demo.")
            : SessionValidator.Validate(data.FullName, options);
    }
}
