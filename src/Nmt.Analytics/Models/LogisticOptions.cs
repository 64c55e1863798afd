namespace Nmt.Analytics.Models;

/// <summary>Options of a logistic regression fit (defaults as R's <c>glm.control()</c>).</summary>
public sealed record LogisticOptions
{
    /// <summary>Confidence level of the Wald intervals (default 0.95).</summary>
    public double Level { get; init; } = 0.95;

    /// <summary>Maximum IRLS iterations (R: 25).</summary>
    public int MaxIterations { get; init; } = 25;

    /// <summary>Convergence tolerance on the relative deviance change |D − D_old| / (|D| + 0.1) (R: 1e-8).</summary>
    public double Epsilon { get; init; } = 1e-8;
}
