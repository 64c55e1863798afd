using Nmt.Analytics.Results;

namespace Nmt.Analytics.Models;

/// <summary>Builds the per-observation table of <see cref="IModelFit.Augment"/> (broom's <c>augment</c>).</summary>
public static class Augmentation
{
    /// <summary>
    /// Columns <c>row</c> (source line, or the 1-based position when lines are unknown), <c>observed</c>,
    /// <c>fitted</c>, <c>residual</c> = observed − fitted, then <paramref name="extra"/> columns.
    /// </summary>
    public static ResultTable Table(IReadOnlyList<long> lines, IList<double> observed, IList<double> fitted, params (string Name, IList<double> Values)[] extra)
    {
        ArgumentNullException.ThrowIfNull(lines);
        ArgumentNullException.ThrowIfNull(observed);
        ArgumentNullException.ThrowIfNull(fitted);
        ArgumentNullException.ThrowIfNull(extra);
        string[] columns = [OutputNames.Row, OutputNames.Observed, OutputNames.Fitted, OutputNames.Residual, .. extra.Select(e => e.Name)];
        var table = new ResultTable("Fitted values and residuals", columns);
        for (var i = 0; i < observed.Count; i++)
        {
            object?[] cells = [lines.Count == observed.Count ? lines[i] : i + 1L, observed[i], fitted[i], observed[i] - fitted[i], .. extra.Select(e => (object?)e.Values[i])];
            table.AddRow(cells);
        }
        return table;
    }
}
