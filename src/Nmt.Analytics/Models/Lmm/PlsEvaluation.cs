namespace Nmt.Analytics.Models.Lmm;

/// <summary>
/// The solution of the penalized least-squares problem at one θ (Bates et al. 2015, JSS 67(1), sect. 3.3–3.4):
/// log|L_θ|², log|R_X|², the penalized residual sum of squares r²_θ, β̂_θ and (R_XᵀR_X)⁻¹; optionally the factors
/// needed afterwards for the conditional modes.
/// </summary>
internal sealed class PlsEvaluation
{
    /// <summary>False if a factorisation failed (θ outside the feasible region numerically).</summary>
    public bool Ok { get; init; } = true;

    /// <summary>log |L_θ|².</summary>
    public double LogDetL2 { get; init; }

    /// <summary>log |R_X|².</summary>
    public double LogDetRX2 { get; init; }

    /// <summary>r²_θ = ‖y − Xβ̂ − ZΛû‖² + ‖û‖².</summary>
    public double PenalizedRss { get; init; }

    /// <summary>β̂_θ.</summary>
    public double[] Beta { get; init; } = [];

    /// <summary>(R_XᵀR_X)⁻¹, row-major p×p; Var(β̂) = σ² times this.</summary>
    public double[] CovUnscaled { get; init; } = [];

    /// <summary>Kept factors (null unless requested).</summary>
    public PlsFactors? Factors { get; init; }

    /// <summary>Profiled deviance (Bates et al. 2015, eq. 34 for ML, eq. 41 for the REML criterion).</summary>
    public double Deviance(int n, int p, bool reml)
    {
        if (!Ok || !(PenalizedRss > 0))
        {
            return double.PositiveInfinity;
        }
        if (!reml)
        {
            return LogDetL2 + (n * (1 + Math.Log(2 * Math.PI * PenalizedRss / n)));
        }
        var m = n - p;
        return LogDetL2 + LogDetRX2 + (m * (1 + Math.Log(2 * Math.PI * PenalizedRss / m)));
    }
}
