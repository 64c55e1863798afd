namespace Nmt.Analytics.Models.Optimization;

/// <summary>Radii and limits of <see cref="Bobyqa"/>; unset values take the defaults of R's <c>minqa::bobyqa</c>.</summary>
public sealed record BobyqaSettings
{
    /// <summary>Initial trust-region radius ρ_beg; default min(0.95, 0.2·max|xᵢ|), at least 0.02.</summary>
    public double? InitialRadius { get; init; }

    /// <summary>Final trust-region radius ρ_end, the accuracy sought in the variables; default 1e-6·ρ_beg.</summary>
    public double? FinalRadius { get; init; }

    /// <summary>Number of interpolation points, in [n + 2, (n + 1)(n + 2)/2]; default 2n + 1 (Powell's recommendation).</summary>
    public int? InterpolationPoints { get; init; }

    /// <summary>Maximum number of objective evaluations.</summary>
    public int MaxEvaluations { get; init; } = 20000;
}
