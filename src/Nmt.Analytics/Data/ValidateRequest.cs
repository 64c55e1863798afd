using Nmt.Analytics.Engines;
using Nmt.Analytics.Results;

namespace Nmt.Analytics.Data;

/// <summary>
/// <c>nmt validate</c>: schema, value and anonymity checks of a session dataset. The output lists every error on
/// standard error and exits 1 when the data are not valid.
/// </summary>
/// <param name="Source">The data to check.</param>
/// <param name="MaxIssues">How many issues to list (all are counted per rule).</param>
public sealed record ValidateRequest(DataSource Source, int MaxIssues = 200)
{
    /// <summary>With an engine (<c>--engine</c>): the rules SQL can check, counted where the rows live (<see cref="EngineValidate"/>).</summary>
    public EngineSource? Engine { get; init; }

    /// <summary>Validates and presents the report.</summary>
    /// <exception cref="NmtInputException">A negative <see cref="MaxIssues"/>, or no usable source.</exception>
    public ResultOutput Run()
    {
        if (Engine is { } engine)
        {
            return engine.Run(Source, EngineValidate.Statements, sql => EngineValidate.Run(sql).Output());
        }
        if (MaxIssues < 0)
        {
            throw new NmtInputException("--max-issues must be 0 or more.");
        }
        var report = Source.Validate(new LoadOptions { MaxIssues = MaxIssues });
        var summary = report.IsValid ? [] : new[] { $"{report.SourceName}: {report.ErrorCount} error(s), {report.ExcludedRows} row(s) excluded." };
        return new ResultOutput(report.ToJson, report.Tables())
        {
            Messages = [.. report.Errors.Select(e => e.ToString()), .. summary],
            ExitCode = report.IsValid ? 0 : 1,
        };
    }
}
