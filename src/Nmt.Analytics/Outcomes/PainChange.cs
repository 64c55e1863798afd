using Nmt.Analytics.Data;

namespace Nmt.Analytics.Outcomes;

/// <summary>
/// Immediate (within-session) pain change <c>pain_change = pain_post − pain_pre</c> on the NPRS;
/// negative values are improvement (contract name, docs/cli.md).
/// </summary>
public static class PainChange
{
    /// <summary>Contract column name of the per-session change.</summary>
    public const string ColumnName = "pain_change";

    /// <summary>Per-session change; NaN where either reading is missing.</summary>
    public static double[] Compute(ColumnTable sessions)
    {
        ArgumentNullException.ThrowIfNull(sessions);
        var pre = sessions.Numeric(SessionColumns.PainPre).Values;
        var post = sessions.Numeric(SessionColumns.PainPost).Values;
        var change = new double[sessions.RowCount];
        for (var i = 0; i < change.Length; i++)
        {
            change[i] = post[i] - pre[i];
        }
        return change;
    }

    /// <summary>Adds (or replaces) the <c>pain_change</c> column of <paramref name="sessions"/>.</summary>
    public static ColumnTable AddTo(ColumnTable sessions)
    {
        ArgumentNullException.ThrowIfNull(sessions);
        sessions.Add(new NumericColumn(ColumnName, Compute(sessions)));
        return sessions;
    }
}
