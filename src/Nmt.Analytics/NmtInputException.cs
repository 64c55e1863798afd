namespace Nmt.Analytics;

/// <summary>
/// A mistake in the user's input (data, formula, options) rather than a fault in the toolkit.
/// Front ends show <see cref="Exception.Message"/> without a stack trace and exit with code 1.
/// </summary>
/// <remarks>
/// Messages name what was wrong and where: the file line and column for data problems,
/// the offending term for formulas, the option for usage problems.
/// </remarks>
public class NmtInputException : Exception
{
    /// <summary>Creates an input error with a message that explains what to fix.</summary>
    public NmtInputException(string message) : base(message) { }

    /// <summary>Creates an input error that wraps the lower-level cause.</summary>
    public NmtInputException(string message, Exception inner) : base(message, inner) { }

    /// <summary>Creates an input error located at a file line and column.</summary>
    /// <param name="message">What is wrong and how to fix it.</param>
    /// <param name="line">1-based line in the source file (the header is line 1), if known.</param>
    /// <param name="column">Column name, if known.</param>
    public NmtInputException(string message, long? line, string? column) : base(Locate(message, line, column))
    {
        Line = line;
        Column = column;
    }

    /// <summary>Creates an empty input error (for serializers and frameworks).</summary>
    public NmtInputException() { }

    /// <summary>1-based line in the source file, when the problem has one.</summary>
    public long? Line { get; }

    /// <summary>Column name, when the problem has one.</summary>
    public string? Column { get; }

    private static string Locate(string message, long? line, string? column) => (line, column) switch
    {
        (null, null) => message,
        (null, _) => $"column '{column}': {message}",
        (_, null) => $"line {line}: {message}",
        _ => $"line {line}, column '{column}': {message}",
    };
}
