using Nmt.Analytics.Data;
using Nmt.Analytics.Evidence.EffectSizes;
using Nmt.Analytics.Results;

namespace Nmt.Analytics.Evidence;

/// <summary>The result of <see cref="MetaRegression.Fit"/>.</summary>
public sealed class MetaRegressionResult
{
    internal MetaRegressionResult(
        EffectSizeSet effects, string moderator, IReadOnlyList<string> terms, IReadOnlyList<string>? levels, MetaAnalysisOptions options,
        ModelFit fit, double qm, double qmP, int qmDf1, double qmDf2, double r2, IReadOnlyList<RowExclusion> excluded)
    {
        Effects = effects;
        Moderator = moderator;
        Levels = levels;
        Options = options;
        Coefficients = terms.Select((t, j) => new TermEstimate(t, fit.Beta[j], fit.StdError[j], fit.Statistic[j], fit.Df, fit.PValue[j],
            fit.CiLow(j), fit.CiHigh(j))).ToArray();
        Tau2 = fit.Tau2;
        I2 = fit.I2;
        H2 = fit.H2;
        R2 = r2;
        Qm = qm;
        QmPValue = qmP;
        QmDf1 = qmDf1;
        QmDf2 = qmDf2;
        Qe = fit.Q;
        QePValue = fit.QPValue;
        Excluded = excluded;
    }

    /// <summary>The studies used.</summary>
    public EffectSizeSet Effects { get; }

    /// <summary>Moderator column.</summary>
    public string Moderator { get; }

    /// <summary>Levels of a categorical moderator (first is the reference), or null when numeric.</summary>
    public IReadOnlyList<string>? Levels { get; }

    /// <summary>Options used.</summary>
    public MetaAnalysisOptions Options { get; }

    /// <summary>Coefficients named as in R (<c>intrcpt</c>, <c>ablat</c>, <c>allocrandom</c>).</summary>
    public IReadOnlyList<TermEstimate> Coefficients { get; }

    /// <summary>Residual between-study variance.</summary>
    public double Tau2 { get; }

    /// <summary>Residual I² (%).</summary>
    public double I2 { get; }

    /// <summary>Residual H².</summary>
    public double H2 { get; }

    /// <summary>Share of τ² explained by the moderator (%).</summary>
    public double R2 { get; }

    /// <summary>Omnibus test of the moderator: χ² (z tests) or F (Hartung–Knapp).</summary>
    public double Qm { get; }

    /// <summary>p-value of <see cref="Qm"/>.</summary>
    public double QmPValue { get; }

    /// <summary>Numerator degrees of freedom of QM.</summary>
    public int QmDf1 { get; }

    /// <summary>Denominator degrees of freedom of QM (∞ for the χ² test).</summary>
    public double QmDf2 { get; }

    /// <summary>Test for residual heterogeneity QE.</summary>
    public double Qe { get; }

    /// <summary>p-value of QE.</summary>
    public double QePValue { get; }

    /// <summary>Studies left out because the moderator was missing.</summary>
    public IReadOnlyList<RowExclusion> Excluded { get; }

    /// <summary>The coefficient table (term, estimate, std_error, statistic, df, p_value, ci_low, ci_high).</summary>
    public ResultTable Tidy()
    {
        var table = TermEstimate.ToTable($"Meta-regression on {Moderator} ({Options.MethodCode})", Coefficients);
        foreach (var e in Excluded)
        {
            table.AddNote($"line {e.Line} left out: {e.Reason}.");
        }
        if (Effects.Measure.IsRatio())
        {
            table.AddNote("coefficients are on the log scale; exp(coefficient) is a ratio of ratios.");
        }
        return table;
    }

    /// <summary>Model statistics: k, τ², I², H², R², QM (df, p), QE (df, p).</summary>
    public ResultTable Glance()
    {
        var table = new ResultTable("Moderator test", "moderator", "k", "tau2", "i2", "h2", "r2", "qm", "qm_df1", "qm_df2", "qm_p",
            "qe", "qe_df", "qe_p");
        table.AddRow(Moderator, Effects.Count, Tau2, I2, H2, R2, Qm, QmDf1, double.IsPositiveInfinity(QmDf2) ? null : QmDf2, QmPValue,
            Qe, Effects.Count - Coefficients.Count, QePValue);
        return table;
    }
}
