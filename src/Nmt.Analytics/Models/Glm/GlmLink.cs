namespace Nmt.Analytics.Models.Glm;

/// <summary>
/// A link function g(μ) = η of a generalized linear model, with its inverse and dμ/dη, as R's
/// <c>make.link</c> defines them (McCullagh &amp; Nelder 1989, §2.2.3). Add a link by deriving from this class.
/// </summary>
public abstract class GlmLink
{
    /// <summary>R's <c>.Machine$double.eps</c>, the floor R's links put under μ and dμ/dη.</summary>
    protected const double MachineEpsilon = 2.220446049250313e-16;

    /// <summary>The link's name as R prints it (<c>logit</c>, <c>log</c>, <c>identity</c>, <c>probit</c>).</summary>
    public abstract string Name { get; }

    /// <summary>η = g(μ).</summary>
    public abstract double Link(double mu);

    /// <summary>μ = g⁻¹(η).</summary>
    public abstract double Inverse(double eta);

    /// <summary>dμ/dη at η.</summary>
    public abstract double MuEta(double eta);

    /// <summary>The logit link log(μ/(1 − μ)).</summary>
    public static GlmLink Logit { get; } = new LogitLink();

    /// <summary>The log link.</summary>
    public static GlmLink Log { get; } = new LogLink();

    /// <summary>The identity link.</summary>
    public static GlmLink Identity { get; } = new IdentityLink();

    /// <summary>The probit link Φ⁻¹(μ).</summary>
    public static GlmLink Probit { get; } = new ProbitLink();

    /// <summary>The link named <paramref name="name"/> (logit, log, identity, probit).</summary>
    /// <exception cref="NmtInputException">An unknown name.</exception>
    public static GlmLink Parse(string name) => name?.ToLowerInvariant() switch
    {
        "logit" => Logit,
        "log" => Log,
        "identity" => Identity,
        "probit" => Probit,
        _ => throw new NmtInputException($"unknown link '{name}'; use logit, probit, log or identity."),
    };

    /// <inheritdoc/>
    public override string ToString() => Name;
}
