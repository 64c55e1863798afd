using MathNet.Numerics.LinearAlgebra;
using Nmt.Analytics.Statistics;

namespace Nmt.Analytics.Evidence;

/// <summary>
/// A fitted (mixed-effects) meta-analytic model yᵢ = xᵢᵀβ + uᵢ + εᵢ, uᵢ ~ N(0, τ²), εᵢ ~ N(0, vᵢ) —
/// the computations of metafor's <c>rma.uni</c> shared by <see cref="MetaAnalysis"/> and <see cref="MetaRegression"/>.
/// </summary>
internal sealed class ModelFit
{
    private ModelFit(Vector<double> y, double[] vi, Matrix<double> x, MetaAnalysisOptions options)
    {
        K = y.Count;
        P = x.ColumnCount;
        Tau2 = Tau2Estimators.For(options).Estimate(y, vi, x);
        var fit = WeightedFit.At(y, vi, x, Tau2);
        // Hartung & Knapp 2001; Sidik & Jonkman 2002: scale by the weighted residual mean square, no truncation (metafor "knha").
        var s2w = options.HartungKnapp ? (fit.Rss <= double.Epsilon ? 0 : fit.Rss / (K - P)) : 1;
        Covariance = fit.Covariance * s2w;
        Beta = fit.Beta.ToArray();
        Df = options.HartungKnapp ? K - P : double.PositiveInfinity;
        var alpha = 1 - options.Level;
        Critical = options.HartungKnapp ? Distributions.TQuantile(1 - (alpha / 2), Df) : Distributions.NormalQuantile(1 - (alpha / 2));
        StdError = Enumerable.Range(0, P).Select(j => Math.Sqrt(Covariance[j, j])).ToArray();
        Statistic = Beta.Zip(StdError, (b, s) => b / s).ToArray();
        PValue = Statistic.Select(PValueOf).ToArray();
        var sumW = fit.Weights.Sum();
        WeightsPercent = fit.Weights.Select(w => 100 * w / sumW).ToArray();
        Heterogeneity(y, vi, x, options.Method == Tau2Method.FixedEffect);
    }

    public int K { get; }

    public int P { get; }

    public double Tau2 { get; }

    public double[] Beta { get; }

    public double[] StdError { get; }

    public double[] Statistic { get; }

    public double[] PValue { get; }

    /// <summary>Degrees of freedom of the t tests (∞ for z tests).</summary>
    public double Df { get; }

    /// <summary>Critical value for the confidence intervals.</summary>
    public double Critical { get; }

    public Matrix<double> Covariance { get; }

    public double[] WeightsPercent { get; }

    /// <summary>Residual heterogeneity statistic Q_E (inverse-variance weights).</summary>
    public double Q { get; private set; }

    public double QPValue { get; private set; }

    public double I2 { get; private set; }

    public double H2 { get; private set; }

    /// <summary>The "typical" within-study variance (k − p)/tr(P₀) behind I² (Higgins &amp; Thompson 2002).</summary>
    public double TypicalVariance { get; private set; }

    public double CiLow(int j) => Beta[j] - (Critical * StdError[j]);

    public double CiHigh(int j) => Beta[j] + (Critical * StdError[j]);

    public double PValueOf(double statistic) =>
        double.IsPositiveInfinity(Df) ? Distributions.TwoSidedNormal(statistic) : Distributions.TwoSidedT(statistic, Df);

    /// <summary>Fits the model with the options' τ² estimator and test.</summary>
    public static ModelFit Fit(double[] yi, double[] vi, Matrix<double> x, MetaAnalysisOptions options) =>
        new(Vector<double>.Build.DenseOfArray(yi), vi, x, options);

    /// <summary>The column vector of ones: the intercept-only design.</summary>
    public static Matrix<double> InterceptOnly(int k) => Matrix<double>.Build.Dense(k, 1, 1.0);

    private void Heterogeneity(Vector<double> y, double[] vi, Matrix<double> x, bool fixedEffect)
    {
        if (K <= P)
        {
            (Q, QPValue, I2, H2, TypicalVariance) = (0, 1, 0, 1, 0);
            return;
        }
        var fixedFit = WeightedFit.At(y, vi, x, 0);
        Q = Math.Max(0, fixedFit.Rss);
        QPValue = Distributions.ChiSquareUpper(Q, K - P);
        TypicalVariance = (K - P) / fixedFit.TraceP;
        if (fixedEffect)
        {
            I2 = Math.Max(0, 100 * (Q - (K - P)) / Q);
            H2 = Q / (K - P);
        }
        else
        {
            I2 = 100 * Tau2 / (TypicalVariance + Tau2);
            H2 = (Tau2 / TypicalVariance) + 1;
        }
    }
}
