using System.CommandLine;

namespace Nmt.Analytics.Cli.Commands;

/// <summary>Arguments and options shared by several commands.</summary>
internal static class CommonOptions
{
    /// <summary>The optional <c>DATA</c> file argument (CSV or Parquet).</summary>
    public static Argument<FileInfo?> DataArgument() => new("DATA")
    {
        Description = "Session data file (CSV or Parquet). Omit with --demo.",
        Arity = ArgumentArity.ZeroOrOne,
    };

    /// <summary>The <c>--demo</c> flag: use the bundled demo dataset.</summary>
    public static Option<bool> DemoOption() => new("--demo")
    {
        Description = "Use the bundled demo dataset (about 600 simulated clients in 12 clinics).",
    };
}
