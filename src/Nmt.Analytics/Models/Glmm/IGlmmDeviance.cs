using MathNet.Numerics.LinearAlgebra;

namespace Nmt.Analytics.Models.Glmm;

/// <summary>glmer's second-stage objective: the Laplace (or adaptive Gauss–Hermite) deviance over (θ, β).</summary>
internal interface IGlmmDeviance
{
    /// <summary>The deviance at parameters (θ, β) concatenated; +∞ when PIRLS fails (lme4 stops with an error).</summary>
    double Evaluate(double[] parameters);

    /// <summary>
    /// lme4's RX-based covariance of β̂ at the last evaluation, (X'WX − X'WZΛ(Λ'Z'WZΛ + I)⁻¹Λ'Z'WX)⁻¹ with the
    /// weights of the last PIRLS solve (<c>vcov(m, use.hessian = FALSE)</c>).
    /// </summary>
    Matrix<double> RxCovariance(double[] theta);
}
