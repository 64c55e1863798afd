using System.CommandLine;
using Nmt.Analytics.Data;

namespace Nmt.Analytics.Cli.Commands;

/// <summary>Loads the session table a command works on (interim: the loader is wired in by the coordinator).</summary>
internal static class DataInput
{
    /// <summary>The table named by the command's <c>DATA</c> argument (or <c>--demo</c>).</summary>
    /// <exception cref="NmtInputException">Always, until the CSV/Parquet loader is wired in.</exception>
    public static ColumnTable LoadTable(ParseResult parseResult)
    {
        ArgumentNullException.ThrowIfNull(parseResult);
        throw new NmtInputException("loading not wired yet");
    }
}
