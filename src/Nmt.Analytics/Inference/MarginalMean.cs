using MathNet.Numerics.LinearAlgebra;

namespace Nmt.Analytics.Inference;

/// <summary>
/// One estimated marginal mean (on the link scale), with its back-transformed value and interval for a non-identity link.
/// </summary>
/// <param name="Level">The level, or for cells the levels joined by one space (<c>"A L"</c>), as emmeans prints them.</param>
/// <param name="Estimate">l'β̂ on the link scale.</param>
/// <param name="StdError">√(l'Vl).</param>
/// <param name="Df">Degrees of freedom (∞ for asymptotic).</param>
/// <param name="CiLow">Lower confidence limit (link scale).</param>
/// <param name="CiHigh">Upper confidence limit (link scale).</param>
/// <param name="Weights">The averaging vector l over the coefficients.</param>
public sealed record MarginalMean(string Level, double Estimate, double StdError, double Df, double CiLow, double CiHigh, Vector<double> Weights)
{
    /// <summary>Back-transformed estimate (null for the identity link).</summary>
    public double? Response { get; init; }

    /// <summary>Back-transformed lower limit (null for the identity link).</summary>
    public double? ResponseLow { get; init; }

    /// <summary>Back-transformed upper limit (null for the identity link).</summary>
    public double? ResponseHigh { get; init; }
}
