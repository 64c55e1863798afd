namespace Nmt.Analytics.Cli.Commands;

/// <summary>The <c>DATA</c> argument and <c>--demo</c> flag shared by the commands that read data, and the <see cref="DataSource"/> they name.</summary>
internal static class CommonOptions
{
    /// <summary>The optional <c>DATA</c> file argument (CSV or Parquet).</summary>
    public static Argument<FileInfo?> DataArgument(string description = "Session data file (CSV or Parquet). Omit with --demo.") =>
        new("DATA") { Description = description, Arity = ArgumentArity.ZeroOrOne };

    /// <summary>The <c>--demo</c> flag: use the bundled demo dataset.</summary>
    public static Option<bool> DemoOption(string description = "Use the bundled demo dataset (about 600 simulated clients in 12 clinics).") =>
        Declare.Option<bool>("--demo", description);

    /// <summary>A fresh <c>--format table|json|csv</c> option (contract; default table).</summary>
    public static Option<OutputFormat> FormatOption() =>
        new("--format") { Description = "Output format: table, json or csv.", DefaultValueFactory = _ => OutputFormat.Table, HelpName = "table|json|csv" };

    /// <summary>The data named by a parsed command line's <c>DATA</c> and <c>--demo</c>.</summary>
    public static DataSource Source(ParseResult parse) => new(parse.GetValue<FileInfo?>("DATA")?.ToString(), parse.GetValue<bool>("--demo"));
}
