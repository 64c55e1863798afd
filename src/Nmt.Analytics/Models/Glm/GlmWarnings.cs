using Nmt.Analytics.Formulas;

namespace Nmt.Analytics.Models.Glm;

/// <summary>
/// The notes a GLM fit carries: exclusions, aliased columns, R's convergence and boundary warnings, and for the binomial
/// family signs of (quasi-)complete separation (Albert &amp; Anderson 1984), flagged rather than reported silently with huge
/// standard errors.
/// </summary>
internal static class GlmWarnings
{
    public static (List<string> Notes, bool Separation) Collect(ModelFrame frame, GlmFamily family, GlmIrlsResult irls, double deviance, int[] keep, GlmOptions options)
    {
        var notes = new List<string>();
        if (ExclusionNotes.Describe(frame.Exclusions) is { } excluded)
        {
            notes.Add(excluded);
        }
        var dropped = frame.FixedNames.Where((_, j) => !keep.Contains(j)).ToList();
        if (dropped.Count > 0)
        {
            notes.Add($"{dropped.Count} coefficient(s) not defined because of singularities (R shows NA): {string.Join(", ", dropped)}.");
        }
        if (frame.ResponseLevels is { } levels)
        {
            notes.Add($"Response '{frame.ResponseName}': modelling P({levels[1]}) against {levels[0]}.");
        }
        if (!irls.Converged)
        {
            notes.Add($"Warning: the IRLS algorithm did not converge in {options.MaxIterations} iterations; estimates are unreliable.");
        }
        var separation = family is BinomialFamily ? SeparationSigns(irls, family, deviance, keep, frame.FixedNames) : [];
        if (separation.Count > 0)
        {
            notes.Add($"Warning: possible (quasi-)complete separation (Albert & Anderson 1984): {string.Join("; ", separation)}. "
                + "Maximum-likelihood estimates may not exist; consider fewer predictors, merging sparse categories, or penalised (Firth) regression.");
        }
        else if (family.BoundaryWarning(irls.Mu) is { } boundary)
        {
            notes.Add($"Warning: {boundary}.");
        }
        notes.Add(family.EstimatesDispersion
            ? "Wald t tests and intervals with the residual df; dispersion estimated from the Pearson residuals."
            : "Wald z tests and intervals (dispersion fixed at 1)" + Exponentiated(family, options) + ".");
        return (notes, separation.Count > 0);
    }

    private static string Exponentiated(GlmFamily family, GlmOptions options) => (options.Link ?? family.DefaultLink).Name switch
    {
        "logit" => "; odds ratios are exp(estimate)",
        "log" => "; rate ratios are exp(estimate)",
        _ => "",
    };

    /// <summary>Fitted probabilities numerically 0 or 1 (R's warning), a perfect fit, or diverging coefficients.</summary>
    private static List<string> SeparationSigns(GlmIrlsResult irls, GlmFamily family, double deviance, int[] keep, IReadOnlyList<string> names)
    {
        var signs = new List<string>();
        if (family.BoundaryWarning(irls.Mu) is { } boundary)
        {
            signs.Add(boundary);
        }
        if (deviance < 1e-6 * irls.Mu.Count)
        {
            signs.Add("the model predicts every outcome perfectly (complete separation)");
        }
        var diverging = Enumerable.Range(0, keep.Length)
            .Where(k => Math.Abs(irls.Beta[k]) > 5 && Math.Sqrt(irls.Unscaled[k, k]) > 10 * Math.Abs(irls.Beta[k]))
            .Select(k => names[keep[k]]).ToList();
        if (diverging.Count > 0)
        {
            signs.Add($"coefficients with huge standard errors, likely diverging to infinity: {string.Join(", ", diverging)}");
        }
        return signs;
    }
}
