namespace Nmt.Analytics.Cli.Commands;

/// <summary><c>nmt validate DATA</c>: schema and value checks, excluded rows, anonymity report (<see cref="ValidateRequest"/>).</summary>
internal static class ValidateCommand
{
    public static Command Create(CliContext context)
    {
        var format = CommonOptions.FormatOption();
        var maxIssues = Declare.Option("--max-issues", "How many issues to list (all are counted per rule).", 200);
        var command = new Command("validate", "Check a session dataset against the contract: types, ranges, codes, order, anonymity.")
        {
            CommonOptions.DataArgument(), CommonOptions.DemoOption(), format, maxIssues,
        };
        var engine = new EngineCommandOptions(command);
        command.SetAction(parse => context.Print(parse.GetValue(format), () => new ValidateRequest(CommonOptions.Source(parse), parse.GetValue(maxIssues)) { Engine = engine.Read(parse) }.Run()));
        return command;
    }
}
