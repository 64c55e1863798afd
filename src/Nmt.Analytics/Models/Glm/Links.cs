using MathNet.Numerics.Distributions;

namespace Nmt.Analytics.Models.Glm;

/// <summary>R's <c>logit_linkinv</c>/<c>logit_mu_eta</c> (C code in R's <c>family.c</c>): η clamped at ±30 so μ stays inside (0, 1).</summary>
internal sealed class LogitLink : GlmLink
{
    private const double Threshold = 30;

    public override string Name => "logit";

    public override double Link(double mu) => Math.Log(mu / (1 - mu));

    public override double Inverse(double eta)
    {
        var t = eta < -Threshold ? MachineEpsilon : eta > Threshold ? 1 / MachineEpsilon : Math.Exp(eta);
        return t / (1 + t);
    }

    public override double MuEta(double eta)
    {
        var opexp = 1 + Math.Exp(eta);
        return eta is > Threshold or < -Threshold ? MachineEpsilon : Math.Exp(eta) / (opexp * opexp);
    }
}

/// <summary>R's log link: μ = max(exp(η), ε), dμ/dη likewise.</summary>
internal sealed class LogLink : GlmLink
{
    public override string Name => "log";

    public override double Link(double mu) => Math.Log(mu);

    public override double Inverse(double eta) => Math.Max(Math.Exp(eta), MachineEpsilon);

    public override double MuEta(double eta) => Math.Max(Math.Exp(eta), MachineEpsilon);
}

/// <summary>The identity link.</summary>
internal sealed class IdentityLink : GlmLink
{
    public override string Name => "identity";

    public override double Link(double mu) => mu;

    public override double Inverse(double eta) => eta;

    public override double MuEta(double eta) => 1;
}

/// <summary>R's probit link: η clamped at ±Φ⁻¹(1 − ε), dμ/dη = max(φ(η), ε).</summary>
internal sealed class ProbitLink : GlmLink
{
    private static readonly double Threshold = -Normal.InvCDF(0, 1, MachineEpsilon);

    public override string Name => "probit";

    public override double Link(double mu) => Normal.InvCDF(0, 1, mu);

    public override double Inverse(double eta) => Normal.CDF(0, 1, Math.Clamp(eta, -Threshold, Threshold));

    public override double MuEta(double eta) => Math.Max(Normal.PDF(0, 1, eta), MachineEpsilon);
}
