using MathNet.Numerics.LinearAlgebra;
using Nmt.Analytics.Data;
using Nmt.Analytics.Evidence.EffectSizes;
using Nmt.Analytics.Statistics;

namespace Nmt.Analytics.Evidence;

/// <summary>
/// Mixed-effects meta-regression on one moderator (numeric or categorical), as metafor's <c>rma(yi, vi, mods = ~ x)</c>:
/// coefficients, residual τ², the omnibus QM test of the moderator, the residual QE test, I², H² and R².
/// </summary>
public static class MetaRegression
{
    /// <summary>Fits the meta-regression of the effects on the column <paramref name="moderator"/> of the study table.</summary>
    /// <exception cref="NmtInputException">Unknown column, too few studies for the number of coefficients, single-level moderator.</exception>
    public static MetaRegressionResult Fit(EffectSizeSet effects, string moderator, MetaAnalysisOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(effects);
        ArgumentNullException.ThrowIfNull(moderator);
        options ??= new MetaAnalysisOptions();
        var column = effects.Rows[moderator];
        var usable = Enumerable.Range(0, effects.Count).Where(i => !column.IsMissing(i)).ToArray();
        var excluded = Enumerable.Range(0, effects.Count).Where(column.IsMissing)
            .Select(i => new RowExclusion(effects.Studies[i].Line, $"missing {moderator}")).ToArray();
        var used = effects.Subset(usable);
        MetaAnalysis.RequireUsable(used);
        var design = ModeratorDesign.Build(used.Rows[moderator]);
        if (used.Count <= design.X.ColumnCount)
        {
            throw new NmtInputException(
                $"meta-regression on '{moderator}' has {design.X.ColumnCount} coefficients but only {used.Count} studies; it needs more studies than coefficients.");
        }
        var yi = used.Studies.Select(s => s.Yi).ToArray();
        var vi = used.Studies.Select(s => s.Vi).ToArray();
        var fit = ModelFit.Fit(yi, vi, design.X, options);
        var nullFit = ModelFit.Fit(yi, vi, ModelFit.InterceptOnly(yi.Length), options);
        var (qm, qmP, df1, df2) = OmnibusTest(fit, options.HartungKnapp);
        var r2 = ExplainedHeterogeneity(fit, nullFit, options.Method == Tau2Method.FixedEffect);
        return new MetaRegressionResult(used, moderator, design.Terms, design.Levels, options, fit, qm, qmP, df1, df2, r2, excluded);
    }

    /// <summary>
    /// QM = b₂ᵀ V₂₂⁻¹ b₂ over the non-intercept coefficients: χ²(m) under z tests; QM/m ~ F(m, k − p) under Hartung–Knapp.
    /// </summary>
    private static (double Qm, double P, int Df1, double Df2) OmnibusTest(ModelFit fit, bool hartungKnapp)
    {
        var m = fit.P - 1;
        var b = Vector<double>.Build.DenseOfEnumerable(fit.Beta.Skip(1));
        var v = fit.Covariance.SubMatrix(1, m, 1, m);
        var qm = b.DotProduct(v.Inverse() * b);
        if (hartungKnapp)
        {
            var f = qm / m;
            return (f, Distributions.FUpper(f, m, fit.K - fit.P), m, fit.K - fit.P);
        }
        return (qm, Distributions.ChiSquareUpper(qm, m), m, double.PositiveInfinity);
    }

    /// <summary>
    /// Pseudo-R² (%): (τ²₀ − τ²)/τ²₀ against the intercept-only model (Raudenbush 2009); for the fixed-effect model
    /// the weighted adjusted R² of the regression, as metafor reports.
    /// </summary>
    private static double ExplainedHeterogeneity(ModelFit fit, ModelFit nullFit, bool fixedEffect)
    {
        if (fixedEffect)
        {
            var adjusted = 1 - (fit.Q / nullFit.Q * (fit.K - 1) / (fit.K - fit.P));
            return Math.Max(0, 100 * adjusted);
        }
        return nullFit.Tau2 == 0 ? 0 : Math.Max(0, 100 * (nullFit.Tau2 - fit.Tau2) / nullFit.Tau2);
    }
}
