namespace Nmt.Analytics.Inference;

/// <summary>A GLM link g: the linear predictor η = g(μ), its inverse and dμ/dη (for back-transformed marginal means).</summary>
/// <param name="Name">R's link name (<c>identity</c>, <c>logit</c>, <c>log</c>).</param>
/// <param name="Inverse">μ = g⁻¹(η).</param>
/// <param name="Derivative">dμ/dη at η.</param>
public sealed record LinkFunction(string Name, Func<double, double> Inverse, Func<double, double> Derivative)
{
    /// <summary>The identity link of linear (mixed) models.</summary>
    public static readonly LinkFunction Identity = new("identity", eta => eta, _ => 1);

    /// <summary>The logit link of binomial models.</summary>
    public static readonly LinkFunction Logit = new("logit", eta => 1 / (1 + Math.Exp(-eta)), eta =>
    {
        var mu = 1 / (1 + Math.Exp(-eta));
        return mu * (1 - mu);
    });

    /// <summary>The log link of Poisson models.</summary>
    public static readonly LinkFunction Log = new("log", Math.Exp, Math.Exp);

    /// <summary>True for the identity link (no back-transformation).</summary>
    public bool IsIdentity => Name == "identity";
}
