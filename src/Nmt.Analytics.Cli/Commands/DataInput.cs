using System.CommandLine;
using Nmt.Analytics.Data;

namespace Nmt.Analytics.Cli.Commands;

/// <summary>
/// The <c>DATA</c> argument and <c>--demo</c> flag of a parsed command line, handed to the library's one entry point
/// (<see cref="DataLoader"/>), which decides session dataset or plain table and carries the exclusions.
/// </summary>
internal static class DataInput
{
    /// <summary>Loads the data named by DATA or --demo.</summary>
    /// <exception cref="NmtInputException">Neither or both of DATA and --demo, an unreadable or malformed file, or direct identifiers.</exception>
    public static LoadedData Load(FileInfo? data, bool demo, LoadOptions? options = null)
    {
        CheckSource(data, demo);
        if (demo)
        {
            return DataLoader.LoadDemo(options);
        }
        if (data is null)
        {
            throw new NmtInputException("give a DATA file (CSV or Parquet), or --demo for the bundled demo data.");
        }
        return DataLoader.Load(data.FullName, options);
    }

    /// <summary>Loads the data named by a parsed command line's <c>DATA</c> argument and <c>--demo</c> flag.</summary>
    public static LoadedData Load(ParseResult parseResult, LoadOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(parseResult);
        return Load(parseResult.GetValue<FileInfo?>("DATA"), parseResult.GetValue<bool>("--demo"), options);
    }

    /// <summary>Loads and validates session data (a plain table is refused).</summary>
    public static SessionDataset LoadDataset(FileInfo? data, bool demo, LoadOptions? options = null) =>
        Load(data, demo, (options ?? LoadOptions.Default).WithShape(DataShape.Session)).RequireSession();

    /// <summary>The session dataset named by a parsed command line.</summary>
    public static SessionDataset LoadDataset(ParseResult parseResult)
    {
        ArgumentNullException.ThrowIfNull(parseResult);
        return LoadDataset(parseResult.GetValue<FileInfo?>("DATA"), parseResult.GetValue<bool>("--demo"));
    }

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

    /// <summary>
    /// A table for model fitting: session data or (decided by the library from the header) a plain tidy table, with
    /// the library's note on stderr when it was read as a plain table.
    /// </summary>
    public static LoadedData LoadModelData(ParseResult parseResult, TextWriter notes)
    {
        ArgumentNullException.ThrowIfNull(notes);
        var loaded = Load(parseResult);
        if (loaded.Note is { } note)
        {
            notes.WriteLine($"note: {note}");
        }
        return loaded;
    }

    /// <summary>The model table named by a parsed command line (see <see cref="LoadModelData"/>).</summary>
    public static ColumnTable LoadModelTable(ParseResult parseResult, TextWriter notes) => LoadModelData(parseResult, notes).Table;

    /// <summary>The usable session table named by a parsed command line.</summary>
    public static ColumnTable LoadTable(ParseResult parseResult) => LoadDataset(parseResult).Table;
}
