using Nmt.Analytics.Results;

namespace Nmt.Analytics.Models.Lmm;

/// <summary>The result of <see cref="LikelihoodRatioTest.Compare"/>.</summary>
/// <param name="LogLikSmall">ML log-likelihood of the smaller model.</param>
/// <param name="LogLikLarge">ML log-likelihood of the larger model.</param>
/// <param name="AicSmall">AIC of the smaller model (ML).</param>
/// <param name="AicLarge">AIC of the larger model (ML).</param>
/// <param name="BicSmall">BIC of the smaller model (ML).</param>
/// <param name="BicLarge">BIC of the larger model (ML).</param>
/// <param name="ChiSquare">Likelihood-ratio statistic.</param>
/// <param name="Df">Difference in the number of parameters.</param>
/// <param name="PValue">Upper-tail χ² probability.</param>
/// <param name="RefittedWithMl">True if REML fits were refitted by ML (as lme4's <c>anova</c> does).</param>
public sealed record LikelihoodRatioResult(
    double LogLikSmall, double LogLikLarge, double AicSmall, double AicLarge, double BicSmall, double BicLarge,
    double ChiSquare, int Df, double PValue, bool RefittedWithMl)
{
    /// <summary>The test as a two-row table like R's <c>anova</c> output.</summary>
    public ResultTable ToTable()
    {
        var table = new ResultTable("Likelihood-ratio test", "model", "log_lik", "aic", "bic", "chisq", "df", "p_value");
        table.AddRow("small", LogLikSmall, AicSmall, BicSmall, null, null, null);
        table.AddRow("large", LogLikLarge, AicLarge, BicLarge, ChiSquare, Df, PValue);
        if (RefittedWithMl)
        {
            table.AddNote("REML fits were refitted by maximum likelihood for the comparison, as lme4's anova() does.");
        }
        return table;
    }
}
