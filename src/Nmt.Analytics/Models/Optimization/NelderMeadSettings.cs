namespace Nmt.Analytics.Models.Optimization;

/// <summary>Tolerances and limits of <see cref="BoundedNelderMead"/>.</summary>
public sealed record NelderMeadSettings
{
    /// <summary>Relative size of the first simplex (times max(1, |xᵢ|)).</summary>
    public double InitialStep { get; init; } = 0.2;

    /// <summary>Relative size of the simplex at each restart.</summary>
    public double RestartStep { get; init; } = 0.02;

    /// <summary>Stop when the simplex's objective values differ by at most this times (1 + |f|).</summary>
    public double FunctionTolerance { get; init; } = 1e-13;

    /// <summary>... and its vertices differ by at most this in every coordinate.</summary>
    public double ParameterTolerance { get; init; } = 1e-8;

    /// <summary>Maximum number of restarts from the best point.</summary>
    public int MaxRestarts { get; init; } = 4;

    /// <summary>Maximum number of objective evaluations.</summary>
    public int MaxEvaluations { get; init; } = 20000;
}
