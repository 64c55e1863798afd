namespace Nmt.Analytics.Inference;

/// <summary>Where the degrees of freedom of a test of l'β̂ come from.</summary>
public enum DfMethod
{
    /// <summary>The residual df n − rank of a linear model.</summary>
    Residual,

    /// <summary>Satterthwaite's approximation for a linear mixed model (lmerTest).</summary>
    Satterthwaite,

    /// <summary>Asymptotic (z and chi-square) tests, as for GLMs and GLMMs.</summary>
    Infinite,
}
