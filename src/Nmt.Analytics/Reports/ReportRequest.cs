using Nmt.Analytics.Data;
using Nmt.Analytics.Evidence;
using Nmt.Analytics.Reports.Handout;
using Nmt.Analytics.Results;

namespace Nmt.Analytics.Reports;

/// <summary>
/// <c>nmt report</c>: the self-contained HTML evidence report (<see cref="EvidenceReport"/>) and, when asked, the
/// educators' handout (<see cref="HandoutDocument"/>), built beside the target folder and moved into place when
/// complete, so an interrupted run leaves no report behind.
/// </summary>
/// <param name="Out">The folder to write.</param>
public sealed record ReportRequest(string Out)
{
    /// <summary>Study-level effects for the evidence summary (studies schema), or null (<c>--demo</c>: the bundled studies).</summary>
    public string? Studies { get; init; }

    /// <summary>Groups and clinics with fewer clients are suppressed.</summary>
    public int MinClients { get; init; } = 11;

    /// <summary>Seed of cross-validation and sampling.</summary>
    public int Seed { get; init; } = 1;

    /// <summary>Include the predictive-drivers section (the slowest).</summary>
    public bool Prediction { get; init; } = true;

    /// <summary>Replace the contents of a non-empty folder.</summary>
    public bool Force { get; init; }

    /// <summary>Also write <c>handout.html</c> (needs study-level effects).</summary>
    public bool Handout { get; init; }

    /// <summary>Writes the report of <paramref name="source"/>, telling <paramref name="progress"/> each step.</summary>
    /// <exception cref="NmtInputException">Bad options, a handout without studies, a non-empty folder without <see cref="Force"/>, or unusable data.</exception>
    public ResultOutput Run(DataSource source, IProgress<string>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(source);
        if (MinClients < 1)
        {
            throw new NmtInputException("--min-clients must be at least 1.");
        }
        if (Handout && !source.Demo && Studies is null)
        {
            throw new NmtInputException("--handout pools study-level effects by technique: supply --studies (or use --demo).");
        }
        var directory = OutputFiles.CheckDirectory(Out, Force);
        var loaded = source.LoadSessions();
        var rows = loaded.Account();
        var studies = Studies is not null ? StudyTableReader.ReadFile(Studies) : source.Demo ? DemoStudies.Load() : null;
        var inputs = new ReportInputs(loaded.Table, loaded.SourceName, rows.Excluded, studies);
        var options = new ReportOptions(MinClients, Seed, Prediction);
        var result = OutputFiles.BuildDirectory(directory, Force, temp =>
        {
            var report = EvidenceReport.Write(inputs, temp, options, progress);
            if (Handout)
            {
                progress?.Report("Writing the handout");
                File.WriteAllText(Path.Combine(temp, "handout.html"), HandoutDocument.Build(inputs, options).ToHtml());
            }
            return report;
        });
        var handout = Handout ? $"; handout: {Path.Combine(directory, "handout.html")}." : ".";
        return ResultOutput.PlainText($"Report written to {Path.Combine(directory, "index.html")} " +
                                      $"({result.Artifacts.ChartNames.Count} charts, {result.Artifacts.TableNames.Count} tables){handout}") with
        {
            Messages = [rows.Summary()],
        };
    }
}
