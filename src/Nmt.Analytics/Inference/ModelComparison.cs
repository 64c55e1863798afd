using System.Text.Json.Nodes;
using MathNet.Numerics.Distributions;
using Nmt.Analytics.Models;
using Nmt.Analytics.Models.Lmm;
using Nmt.Analytics.Results;

namespace Nmt.Analytics.Inference;

/// <summary>
/// Likelihood-ratio comparison of nested models as lme4's <c>anova(m1, m2)</c> reports it: models ordered by their
/// number of parameters, each row tested against the one before by χ² = 2 Δlogℓ on Δn_par df (Wilks 1938). Mixed
/// models fitted by REML are refitted by ML first (REML likelihoods of different fixed effects are not comparable);
/// for a linear model n_par counts the coefficients plus σ. Nesting is the caller's responsibility, as in R.
/// </summary>
public static class ModelComparison
{
    /// <summary>Compares models fitted to the same rows; returns one row per model in increasing n_par.</summary>
    public static IReadOnlyList<ComparisonRow> Compare(IEnumerable<ComparedModel> models)
    {
        ArgumentNullException.ThrowIfNull(models);
        var ordered = models.OrderBy(m => m.ParameterCount).ToList();
        if (ordered.Select(m => m.Nobs).Distinct().Count() > 1)
        {
            throw new NmtInputException($"The models use different rows ({string.Join(" and ", ordered.Select(m => m.Nobs))} observations), for example because a variable of one has missing values; a likelihood-ratio test needs all of them fitted to the same rows.");
        }
        var rows = new List<ComparisonRow>(ordered.Count);
        for (var i = 0; i < ordered.Count; i++)
        {
            var m = ordered[i];
            var deviance = -2 * m.LogLikelihood;
            double? chi = null, p = null;
            int? df = null;
            if (i > 0)
            {
                df = m.ParameterCount - ordered[i - 1].ParameterCount;
                chi = Math.Max(0, 2 * (m.LogLikelihood - ordered[i - 1].LogLikelihood));
                p = df > 0 ? 1 - ChiSquared.CDF(df.Value, chi.Value) : null;
            }
            rows.Add(new ComparisonRow(m.Formula, m.ParameterCount, deviance + (2.0 * m.ParameterCount),
                deviance + (Math.Log(m.Nobs) * m.ParameterCount), m.LogLikelihood, deviance, chi, df, p));
        }
        return rows;
    }

    /// <summary>Two linear mixed models, refitted by ML when fitted by REML (lme4's <c>anova</c>).</summary>
    public static IReadOnlyList<ComparisonRow> Compare(LmmFit first, LmmFit second)
    {
        ArgumentNullException.ThrowIfNull(first);
        ArgumentNullException.ThrowIfNull(second);
        return Compare([AsMl(first), AsMl(second)]);
    }

    /// <summary>Two linear models by the likelihood-ratio test (n_par = rank + 1).</summary>
    public static IReadOnlyList<ComparisonRow> Compare(OlsFit first, OlsFit second)
    {
        ArgumentNullException.ThrowIfNull(first);
        ArgumentNullException.ThrowIfNull(second);
        return Compare([Of(first), Of(second)]);
    }

    /// <summary>The rows as the fit JSON's <c>"comparison"</c> array.</summary>
    public static JsonArray ToJson(IReadOnlyList<ComparisonRow> rows) => ToTable(rows).ToJsonArray();

    /// <summary>The rows as a result table (formula, n_par, aic, bic, log_likelihood, deviance, chisq, df, p_value).</summary>
    public static ResultTable ToTable(IReadOnlyList<ComparisonRow> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var table = new ResultTable("Model comparison (likelihood-ratio test)", "formula", "n_par", "aic", "bic", "log_likelihood", "deviance", "chisq", "df", "p_value");
        foreach (var r in rows)
        {
            table.AddRow(r.Formula, r.ParameterCount, r.Aic, r.Bic, r.LogLikelihood, r.Deviance, r.ChiSquare, r.Df, r.PValue);
        }
        return table;
    }

    private static ComparedModel AsMl(LmmFit fit)
    {
        var ml = fit.Reml ? LinearMixedModel.Fit(fit.Frame, fit.Options with { Reml = false, Satterthwaite = false }) : fit;
        if (!ml.Converged)
        {
            throw new NmtInputException($"The maximum-likelihood refit of '{fit.Frame.Formula}' did not converge ({string.Join(" ", ml.Warnings)}); its likelihood cannot be compared.");
        }
        return new ComparedModel(fit.Frame.Formula, ml.ParameterCount, ml.LogLikelihood, ml.Nobs);
    }

    private static ComparedModel Of(OlsFit fit) => new(fit.Formula, fit.Rank + 1, fit.LogLikelihood, fit.ObservationCount);
}
