using System.Globalization;
using MathNet.Numerics.Distributions;
using MathNet.Numerics.LinearAlgebra;
using Nmt.Analytics.Formulas;
using Nmt.Analytics.Results;

namespace Nmt.Analytics.Models.Lmm;

/// <summary>
/// Linear mixed models fitted as lme4 does (Bates, Mächler, Bolker &amp; Walker 2015, "Fitting Linear Mixed-Effects
/// Models Using lme4", JSS 67(1)): the REML criterion or ML deviance, profiled over β and σ, is minimised over the
/// relative covariance factor θ with a bounded derivative-free optimiser; fixed-effect tests use Satterthwaite's
/// degrees of freedom as lmerTest does.
/// </summary>
public static partial class LinearMixedModel
{
    /// <summary>Fits the model described by <paramref name="frame"/> (which must have at least one random-effects block).</summary>
    public static LmmFit Fit(ModelFrame frame, LmmOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(frame);
        options ??= new LmmOptions();
        Validate(frame);
        var layout = new ThetaLayout(frame.RandomBlocks);
        return Fit(frame, layout, new CrossProducts(frame, layout, options.MaxSecondaryRandomEffects), options);
    }

    /// <summary>The fit from the sufficient statistics (computed from the frame's rows, or read from summaries).</summary>
    private static LmmFit Fit(ModelFrame frame, ThetaLayout layout, CrossProducts crossProducts, LmmOptions options)
    {
        var pls = new PenalizedLeastSquares(crossProducts, layout);
        int n = crossProducts.N, p = crossProducts.P;
        double Deviance(double[] th) => pls.Evaluate(th).Deviance(n, p, options.Reml);
        var (theta, summary, converged) = ThetaOptimizer.Minimize(Deviance, StartingValues.Candidates(crossProducts, layout), layout.LowerBounds, options);
        var final = pls.Evaluate(theta, keep: true);
        var sigma = Math.Sqrt(final.PenalizedRss / (n - (options.Reml ? p : 0)));
        var df = options.Satterthwaite
            ? SatterthwaiteDf.Compute(pls, theta, sigma, n, p, options.Reml)
            : Enumerable.Repeat(double.PositiveInfinity, p).ToArray();
        var singularTerms = SingularTerms(layout, theta, options.SingularTolerance);
        return new LmmFit(frame, options)
        {
            Nobs = n,
            FixedEffects = FixedEffects(frame.FixedNames, final, sigma, df, options.ConfidenceLevel),
            FixedCovariance = Matrix<double>.Build.Dense(p, p, (i, j) => sigma * sigma * final.CovUnscaled[(i * p) + j]),
            VarianceComponents = Components(layout, theta, sigma, out var correlations),
            RandomCorrelations = correlations,
            ConditionalModeSource = () => ConditionalModeSolver.Solve(layout, pls.CrossProducts, final, sigma),
            Sigma = sigma,
            LogLikelihood = -0.5 * final.Deviance(n, p, options.Reml),
            Theta = theta,
            ThetaNames = layout.Names,
            NumberOfGroups = Groups(layout),
            Converged = converged,
            Evaluations = summary.Iterations,
            Optimizer = summary,
            IsSingular = singularTerms.Count > 0,
            Warnings = Warnings(singularTerms, converged, summary),
        };
    }

    /// <summary>True when no value is NaN or infinite (a plain loop: LINQ's per-element delegate call costs ~50 ms on a million-row X).</summary>
    private static bool AllFinite(double[] values)
    {
        foreach (var v in values)
        {
            if (!double.IsFinite(v))
            {
                return false;
            }
        }
        return true;
    }

    private static void Validate(ModelFrame frame)
    {
        if (frame.RandomBlocks.Count == 0)
        {
            throw new NmtInputException("A linear mixed model needs at least one random-effects term such as (1 | client_id); without one, fit an ordinary linear model.");
        }
        if (!AllFinite(frame.Y.AsArray() ?? frame.Y.ToArray()) || !AllFinite(frame.X.AsColumnMajorArray() ?? frame.X.ToColumnMajorArray()))
        {
            throw new NmtInputException("The model data contain missing or non-finite values; rows with missing values must be excluded before fitting.");
        }
        foreach (var block in frame.RandomBlocks)
        {
            var effects = block.Levels.Count * block.Terms.Count;
            if (block.Levels.Count < 2)
            {
                throw new NmtInputException($"The grouping factor '{block.Group}' has only {block.Levels.Count} level; a random effect needs at least two levels to estimate a variance.");
            }
            if (effects >= frame.Count)
            {
                // lme4's check.nobs.vs.nRE / check.nlev.gtreq.5: with as many random effects as rows, the variances and σ² cannot be told apart.
                throw new NmtInputException($"The model cannot be identified: the term ({string.Join(" + ", block.Terms)} | {block.Group}) has {effects} random effects ({block.Levels.Count} levels × {block.Terms.Count} terms) but there are only {frame.Count} usable rows; the random-effect variances cannot be separated from the residual variance. Use fewer random terms or a grouping factor with fewer levels.");
            }
        }
        if (frame.Count <= frame.X.ColumnCount)
        {
            throw new NmtInputException($"The model has {frame.X.ColumnCount} fixed-effect coefficients but only {frame.Count} usable rows; it needs more rows than coefficients.");
        }
    }

    private static List<TermEstimate> FixedEffects(IReadOnlyList<string> names, PlsEvaluation fit, double sigma, double[] df, double level)
    {
        var p = names.Count;
        var list = new List<TermEstimate>(p);
        for (var j = 0; j < p; j++)
        {
            var est = fit.Beta[j];
            var se = sigma * Math.Sqrt(fit.CovUnscaled[(j * p) + j]);
            var t = est / se;
            var finite = double.IsFinite(df[j]) && df[j] > 0;
            var pValue = finite ? 2 * StudentT.CDF(0, 1, df[j], -Math.Abs(t)) : 2 * Normal.CDF(0, 1, -Math.Abs(t));
            var q = finite ? StudentT.InvCDF(0, 1, df[j], 0.5 + (level / 2)) : Normal.InvCDF(0, 1, 0.5 + (level / 2));
            list.Add(new TermEstimate(names[j], est, se, t, df[j], pValue, est - (q * se), est + (q * se)));
        }
        return list;
    }

    /// <summary>Σₖ = σ² TₖTₖᵀ per block; group names repeated by <c>||</c> get lme4's suffixes <c>.1</c>, <c>.2</c>.</summary>
    private static List<VarianceComponent> Components(ThetaLayout layout, double[] theta, double sigma, out List<RandomEffectCorrelation> correlations)
    {
        var components = new List<VarianceComponent>();
        correlations = [];
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var k = 0; k < layout.Blocks.Count; k++)
        {
            var block = layout.Blocks[k];
            var count = seen.GetValueOrDefault(block.Group);
            seen[block.Group] = count + 1;
            var name = count == 0 ? block.Group : block.Group + "." + count.ToString(CultureInfo.InvariantCulture);
            var q = block.Terms.Count;
            var t = layout.Factor(k, theta);
            var cov = new double[q * q];
            for (var i = 0; i < q; i++)
            {
                for (var j = 0; j < q; j++)
                {
                    for (var h = 0; h < q; h++)
                    {
                        cov[(i * q) + j] += sigma * sigma * t[(i * q) + h] * t[(j * q) + h];
                    }
                }
            }
            for (var i = 0; i < q; i++)
            {
                components.Add(new VarianceComponent(name, block.Terms[i], cov[(i * q) + i], Math.Sqrt(cov[(i * q) + i])));
            }
            for (var j = 0; j < q; j++)
            {
                for (var i = j + 1; i < q; i++)
                {
                    var denom = Math.Sqrt(cov[(i * q) + i] * cov[(j * q) + j]);
                    correlations.Add(new RandomEffectCorrelation(name, block.Terms[j], block.Terms[i], denom > 0 ? cov[(i * q) + j] / denom : double.NaN));
                }
            }
        }
        return components;
    }

    private static Dictionary<string, int> Groups(ThetaLayout layout)
    {
        var groups = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var b in layout.Blocks)
        {
            groups[b.Group] = b.Levels.Count;
        }
        return groups;
    }

    /// <summary>Terms whose diagonal θ is below the tolerance (lme4's <c>isSingular</c>), described in words.</summary>
    private static List<string> SingularTerms(ThetaLayout layout, double[] theta, double tolerance)
    {
        var found = new List<string>();
        for (var k = 0; k < layout.Blocks.Count; k++)
        {
            var block = layout.Blocks[k];
            var q = block.Terms.Count;
            var t = layout.Factor(k, theta);
            for (var j = 0; j < q; j++)
            {
                if (t[(j * q) + j] >= tolerance)
                {
                    continue;
                }
                var relativeVariance = Enumerable.Range(0, j + 1).Sum(h => t[(j * q) + h] * t[(j * q) + h]);
                found.Add(relativeVariance < tolerance * tolerance
                    ? $"a variance of zero for '{block.Terms[j]}' within '{block.Group}'"
                    : $"a correlation of ±1 between '{block.Terms[j]}' and the other terms within '{block.Group}'");
            }
        }
        return found;
    }

    /// <summary>One plain warning: non-convergence says why (and no singular-fit advice follows a non-optimum); a singular fit only when converged.</summary>
    private static List<string> Warnings(List<string> singularTerms, bool converged, OptimizerSummary summary)
    {
        var warnings = new List<string>();
        if (!converged)
        {
            warnings.Add(summary.Message);
        }
        else if (summary.AtBoundary && singularTerms.Count > 0)
        {
            warnings.Add("Singular fit: the model estimated " + string.Join("; ", singularTerms) +
                " — the data cannot distinguish this random effect; simplify the model (e.g. drop that random term or its correlation).");
        }
        return warnings;
    }
}
