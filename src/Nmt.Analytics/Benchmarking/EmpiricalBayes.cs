using MathNet.Numerics.LinearAlgebra;
using Nmt.Analytics.Evidence;

namespace Nmt.Analytics.Benchmarking;

/// <summary>
/// Two-stage empirical-Bayes shrinkage of clinic differences dᵢ with sampling variances vᵢ (Morris 1983,
/// JASA 78:47–55): dᵢ = μ + uᵢ + εᵢ, uᵢ ~ N(0, τ²), εᵢ ~ N(0, vᵢ); τ² by REML (metafor's Fisher scoring, as in
/// <c>Evidence</c>), μ̂ its precision-weighted mean, shrunken dᵢ* = μ̂ + Bᵢ(dᵢ − μ̂) with Bᵢ = τ²/(τ² + vᵢ) and
/// SD √(Bᵢvᵢ + (1 − Bᵢ)²·Var(μ̂)) — the posterior SD τ²vᵢ/(τ² + vᵢ) plus the uncertainty of μ̂, exactly metafor's
/// <c>blup.rma.uni</c>. This is the BLUP of the clinic intercept in the random-intercept model y = Xβ + u_clinic + e
/// with β held at its case-mix estimate; a full mixed model would also propagate β's and τ²'s uncertainty.
/// </summary>
public static class EmpiricalBayes
{
    /// <summary>The shrinkage result: τ², μ̂ and per-clinic (shrunken, posterior SD).</summary>
    /// <param name="Tau2">Between-clinic variance τ̂².</param>
    /// <param name="Mean">Precision-weighted mean μ̂.</param>
    /// <param name="Estimates">Shrunken value and posterior SD per input, in input order.</param>
    public sealed record Result(double Tau2, double Mean, IReadOnlyList<(double Value, double Sd)> Estimates);

    /// <summary>Shrinks <paramref name="d"/> (sampling variances <paramref name="v"/>); τ² is 0 with fewer than 2 clinics.</summary>
    public static Result Shrink(IReadOnlyList<double> d, IReadOnlyList<double> v)
    {
        ArgumentNullException.ThrowIfNull(d);
        ArgumentNullException.ThrowIfNull(v);
        var k = d.Count;
        var y = Vector<double>.Build.DenseOfEnumerable(d);
        var x = Matrix<double>.Build.Dense(k, 1, 1.0);
        var tau2 = k < 2 ? 0 : new RemlEstimator(1e-10, 200).Estimate(y, v.ToArray(), x);
        var w = v.Select(vi => 1 / (tau2 + vi)).ToArray();
        var mean = d.Select((di, i) => w[i] * di).Sum() / w.Sum();
        var meanVariance = 1 / w.Sum();
        var estimates = d.Select((di, i) =>
        {
            var b = tau2 / (tau2 + v[i]);
            return (mean + b * (di - mean), Math.Sqrt(b * v[i] + (1 - b) * (1 - b) * meanVariance));
        }).ToList();
        return new Result(tau2, mean, estimates);
    }
}
