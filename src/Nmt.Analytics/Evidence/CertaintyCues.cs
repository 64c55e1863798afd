using Nmt.Analytics.Evidence.EffectSizes;

namespace Nmt.Analytics.Evidence;

/// <summary>
/// Plain-word certainty cues in the spirit of GRADE (Guyatt et al. 2011, J Clin Epidemiol 64:1283 (imprecision) and 64:1294
/// (inconsistency)): rules of thumb an educator can explain, not a full GRADE assessment.
/// </summary>
public static class CertaintyCues
{
    /// <summary>Participants below which a continuous-outcome pool is judged small (GRADE's optimal-information-size rule of thumb).</summary>
    public const double SmallSampleSize = 400;

    /// <summary>
    /// "not serious", "serious" or "very serious": serious when the 95 % CI includes no effect or fewer than
    /// <see cref="SmallSampleSize"/> participants were pooled; very serious when both.
    /// </summary>
    public static string Imprecision(MetaAnalysisResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var crossesNull = result.CiLow <= 0 && result.CiHigh >= 0;
        var small = !double.IsNaN(result.TotalN) && result.TotalN < SmallSampleSize;
        return (crossesNull, small) switch
        {
            (true, true) => "very serious",
            (false, false) => "not serious",
            _ => "serious",
        };
    }

    /// <summary>
    /// "not serious" (I² &lt; 40 % and the prediction interval on the same side of no effect as the CI), "serious"
    /// (I² 40–75 %, or the prediction interval reaches the other side), "very serious" (I² ≥ 75 %), or
    /// "not assessable" with fewer than 3 studies (Cochrane Handbook 10.10.2 bands for I²).
    /// </summary>
    public static string Inconsistency(MetaAnalysisResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        if (result.K < 3)
        {
            return "not assessable";
        }
        if (result.I2 >= 75)
        {
            return "very serious";
        }
        var ciExcludesNull = result.CiLow > 0 || result.CiHigh < 0;
        var piCrossesNull = !double.IsNaN(result.PiLow) && result.PiLow <= 0 && result.PiHigh >= 0;
        return result.I2 >= 40 || (ciExcludesNull && piCrossesNull) ? "serious" : "not serious";
    }

    /// <summary>Conventional size words for an SMD (Cohen 1988: 0.2 small, 0.5 moderate, 0.8 large); null for other measures.</summary>
    public static string? Magnitude(MetaAnalysisResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        if (result.Measure != EffectMeasure.StandardizedMeanDifference)
        {
            return null;
        }
        var size = Math.Abs(result.Estimate);
        return size < 0.2 ? "negligible" : size < 0.5 ? "small" : size < 0.8 ? "moderate" : "large";
    }
}
