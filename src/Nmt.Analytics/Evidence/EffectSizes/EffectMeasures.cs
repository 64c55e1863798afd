namespace Nmt.Analytics.Evidence.EffectSizes;

/// <summary>Codes, required columns and scale facts of each <see cref="EffectMeasure"/>.</summary>
public static class EffectMeasures
{
    /// <summary>Columns of the two-group continuous measures (MD, SMD).</summary>
    public static readonly IReadOnlyList<string> MeanColumns = ["m1", "sd1", "n1", "m2", "sd2", "n2"];

    /// <summary>Columns of the 2×2 count measures (RR, OR, RD): events and non-events in group 1 (ai, bi) and group 2 (ci, di).</summary>
    public static readonly IReadOnlyList<string> CountColumns = ["ai", "bi", "ci", "di"];

    /// <summary>Columns of the generic measure.</summary>
    public static readonly IReadOnlyList<string> GenericColumns = ["yi", "vi"];

    /// <summary>The metafor code: MD, SMD, RR, OR, RD or GEN.</summary>
    public static string Code(this EffectMeasure measure) => measure switch
    {
        EffectMeasure.MeanDifference => "MD",
        EffectMeasure.StandardizedMeanDifference => "SMD",
        EffectMeasure.RiskRatio => "RR",
        EffectMeasure.OddsRatio => "OR",
        EffectMeasure.RiskDifference => "RD",
        _ => "GEN",
    };

    /// <summary>True for ratio measures analysed on the log scale and back-transformed with exp().</summary>
    public static bool IsRatio(this EffectMeasure measure) =>
        measure is EffectMeasure.RiskRatio or EffectMeasure.OddsRatio;

    /// <summary>The value of "no effect" on the reported scale (1 for back-transformed ratios, else 0).</summary>
    public static double NullValue(this EffectMeasure measure, bool backTransformed) =>
        backTransformed && measure.IsRatio() ? 1 : 0;

    /// <summary>The input columns the measure needs.</summary>
    public static IReadOnlyList<string> RequiredColumns(this EffectMeasure measure) => measure switch
    {
        EffectMeasure.MeanDifference or EffectMeasure.StandardizedMeanDifference => MeanColumns,
        EffectMeasure.RiskRatio or EffectMeasure.OddsRatio or EffectMeasure.RiskDifference => CountColumns,
        _ => GenericColumns,
    };

    /// <summary>A reader's name, e.g. "standardized mean difference (Hedges' g)".</summary>
    public static string Describe(this EffectMeasure measure) => measure switch
    {
        EffectMeasure.MeanDifference => "mean difference",
        EffectMeasure.StandardizedMeanDifference => "standardized mean difference (Hedges' g)",
        EffectMeasure.RiskRatio => "risk ratio",
        EffectMeasure.OddsRatio => "odds ratio",
        EffectMeasure.RiskDifference => "risk difference",
        _ => "effect size",
    };

    /// <summary>Parses MD, SMD, RR, OR, RD or GEN (case-insensitive).</summary>
    /// <exception cref="NmtInputException">Unknown code.</exception>
    public static EffectMeasure Parse(string code)
    {
        ArgumentNullException.ThrowIfNull(code);
        return code.ToUpperInvariant() switch
        {
            "MD" => EffectMeasure.MeanDifference,
            "SMD" => EffectMeasure.StandardizedMeanDifference,
            "RR" => EffectMeasure.RiskRatio,
            "OR" => EffectMeasure.OddsRatio,
            "RD" => EffectMeasure.RiskDifference,
            "GEN" => EffectMeasure.Generic,
            _ => throw new NmtInputException($"unknown measure '{code}'. Use SMD, MD, RR, OR, RD or GEN."),
        };
    }

    /// <summary>The measure implied by the columns present: GEN for yi,vi; SMD for means; RR for counts.</summary>
    public static EffectMeasure Infer(IEnumerable<string> columns)
    {
        var set = new HashSet<string>(columns, StringComparer.Ordinal);
        if (GenericColumns.All(set.Contains))
        {
            return EffectMeasure.Generic;
        }
        if (MeanColumns.All(set.Contains))
        {
            return EffectMeasure.StandardizedMeanDifference;
        }
        if (CountColumns.All(set.Contains))
        {
            return EffectMeasure.RiskRatio;
        }
        throw new NmtInputException(
            "cannot tell which measure the study table holds: it needs yi,vi (GEN), m1,sd1,n1,m2,sd2,n2 (MD/SMD) or ai,bi,ci,di (RR/OR).");
    }
}
