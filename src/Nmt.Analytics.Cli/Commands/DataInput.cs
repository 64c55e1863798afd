using System.CommandLine;
using Nmt.Analytics.Data;
using Nmt.Analytics.Synthetic;

namespace Nmt.Analytics.Cli.Commands;

/// <summary>Loads the session data a command works on: the <c>DATA</c> file, or the bundled demo data with <c>--demo</c>.</summary>
internal static class DataInput
{
    /// <summary>Loads and validates the data; rows with errors are excluded and counted (see <see cref="SessionDataset.Exclusions"/>).</summary>
    /// <exception cref="NmtInputException">Neither DATA nor --demo, an unreadable file, or a direct identifier in the data.</exception>
    public static SessionDataset LoadDataset(FileInfo? data, bool demo, LoadOptions? options = null)
    {
        CheckSource(data, demo);
        if (demo)
        {
            using var stream = DemoData.OpenSessionsCsv();
            return SessionDataset.Load(stream, "demo data (simulated)", options);
        }
        if (data is null)
        {
            throw new NmtInputException("give a DATA file (CSV or Parquet), or --demo for the bundled demo data.");
        }
        if (!data.Exists)
        {
            throw new NmtInputException($"file not found: {data.FullName}");
        }
        return SessionDataset.Load(data.FullName, options);
    }

    /// <summary>The dataset named by a parsed command line's <c>DATA</c> argument and <c>--demo</c> flag.</summary>
    /// <summary>
    /// Refuses ambiguous input: an unknown option lands in the optional DATA argument (System.CommandLine binds
    /// "--bogus" there), and DATA together with --demo would silently ignore the file.
    /// </summary>
    public static void CheckSource(FileInfo? data, bool demo)
    {
        var given = data?.ToString();
        if (given is not null && given.StartsWith('-'))
        {
            throw new NmtInputException($"unknown option '{given}' (see --help for the options of this command).");
        }
        if (given is not null && demo)
        {
            throw new NmtInputException("give either a DATA file or --demo, not both.");
        }
    }

    public static SessionDataset LoadDataset(ParseResult parseResult)
    {
        ArgumentNullException.ThrowIfNull(parseResult);
        return LoadDataset(parseResult.GetValue<FileInfo?>("DATA"), parseResult.GetValue<bool>("--demo"));
    }

    /// <summary>
    /// A table for model fitting: session data are loaded and validated as usual; a CSV that is clearly not a session
    /// dataset (fewer than half of the required session columns — e.g. a study's own tidy data) is read as a plain
    /// table, with a note on stderr. A session file missing only some required columns still gets the session error.
    /// </summary>
    public static ColumnTable LoadModelTable(ParseResult parseResult, TextWriter notes)
    {
        ArgumentNullException.ThrowIfNull(parseResult);
        ArgumentNullException.ThrowIfNull(notes);
        var data = parseResult.GetValue<FileInfo?>("DATA");
        var demo = parseResult.GetValue<bool>("--demo");
        CheckSource(data, demo);
        if (!demo && data is { Exists: true } && PlainTableReader.ReadHeader(data.FullName) is { Count: > 0 } header
            && 2 * SessionSchema.RequiredColumns.Count(header.Contains) < SessionSchema.RequiredColumns.Count)
        {
            notes.WriteLine($"note: {data.Name} is not a session dataset (it lacks most of {string.Join(", ", SessionSchema.RequiredColumns)}); read as a plain table without session validation.");
            return PlainTableReader.Read(data.FullName);
        }
        return LoadDataset(data, demo).Table;
    }

    /// <summary>The usable session table named by a parsed command line.</summary>
    public static ColumnTable LoadTable(ParseResult parseResult) => LoadDataset(parseResult).Table;
}
