using Nmt.Analytics.Synthetic;

namespace Nmt.Analytics.Data;

/// <summary>
/// Where an analysis reads its data from: a file (or, for an engine, a table name) or the bundled demo data — exactly
/// one of them (the <c>DATA</c> argument and <c>--demo</c> flag of <c>nmt</c>). Checked when it is opened, so the
/// options of a command are checked first.
/// </summary>
/// <param name="Path">The path as the user gave it, or null.</param>
/// <param name="Demo">True for the bundled demo data.</param>
public sealed record DataSource(string? Path, bool Demo)
{
    /// <summary>What is said when neither a file nor <c>--demo</c> was given.</summary>
    public const string NoData = "give a DATA file (CSV or Parquet), or --demo for the bundled demo data.";

    /// <summary>
    /// Refuses an ambiguous source: an unknown option read as the path (a command line binds <c>--bogus</c> to the
    /// optional DATA argument), or a path together with <c>--demo</c>, which would silently ignore the file.
    /// </summary>
    /// <exception cref="NmtInputException">Either case.</exception>
    public void Check()
    {
        if (Path is not null && Path.StartsWith('-'))
        {
            throw new NmtInputException($"unknown option '{Path}' (see --help for the options of this command).");
        }
        if (Path is not null && Demo)
        {
            throw new NmtInputException("give either a DATA file or --demo, not both.");
        }
    }

    /// <summary>Checks the source and opens it: <paramref name="demo"/> for the demo data, else <paramref name="file"/> with the full path.</summary>
    /// <exception cref="NmtInputException">An ambiguous source (<see cref="Check"/>), or neither (the message <paramref name="missing"/>).</exception>
    public T Open<T>(Func<T> demo, Func<string, T> file, string missing = NoData)
    {
        ArgumentNullException.ThrowIfNull(demo);
        ArgumentNullException.ThrowIfNull(file);
        Check();
        if (Demo)
        {
            return demo();
        }
        return Path is null ? throw new NmtInputException(missing) : file(System.IO.Path.GetFullPath(Path));
    }

    /// <summary>Loads the data through <see cref="DataLoader"/> (session dataset or plain table, as <paramref name="options"/> say).</summary>
    public LoadedData Load(LoadOptions? options = null) => Open(() => DataLoader.LoadDemo(options), path => DataLoader.Load(path, options));

    /// <summary>Loads session data; a plain table is read with the session errors.</summary>
    public LoadedData LoadSessions() => Load(LoadOptions.Default.WithShape(DataShape.Session));

    /// <summary>Validates the source as a session dataset (<c>nmt validate</c>).</summary>
    public ValidationReport Validate(LoadOptions? options = null) => Open(
        () =>
        {
            using var stream = DemoData.OpenSessionsCsv();
            return SessionValidator.Validate(stream, DataLoader.DemoName, options);
        },
        path => SessionValidator.Validate(path, options),
        "give a DATA file (CSV or Parquet) or --demo.");
}
