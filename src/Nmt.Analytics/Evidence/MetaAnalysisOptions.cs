namespace Nmt.Analytics.Evidence;

/// <summary>Options of a meta-analysis (defaults follow metafor's <c>rma()</c>).</summary>
public sealed record MetaAnalysisOptions
{
    /// <summary>τ² estimator; REML by default.</summary>
    public Tau2Method Method { get; init; } = Tau2Method.Reml;

    /// <summary>
    /// Hartung–Knapp–Sidik–Jonkman adjustment (metafor <c>test = "knha"</c>): the variance of the estimates is
    /// scaled by the weighted residual mean square and t(k − p) replaces z (Hartung &amp; Knapp 2001; Sidik &amp; Jonkman 2002).
    /// </summary>
    public bool HartungKnapp { get; init; }

    /// <summary>Prediction-interval convention; metafor's normal-theory interval by default.</summary>
    public PredictionIntervalKind PredictionInterval { get; init; } = PredictionIntervalKind.Normal;

    /// <summary>Confidence level of all intervals (0.95).</summary>
    public double Level { get; init; } = 0.95;

    /// <summary>Convergence threshold on |Δτ²| for REML, relative when τ² &gt; 1 (metafor's default is 1e-5 absolute; ours is tighter).</summary>
    public double Threshold { get; init; } = 1e-12;

    /// <summary>Maximum Fisher-scoring iterations for REML.</summary>
    public int MaxIterations { get; init; } = 1000;

    /// <summary>The metafor code of the method: FE, DL, REML or PM.</summary>
    public string MethodCode => Method switch
    {
        Tau2Method.FixedEffect => "FE",
        Tau2Method.DerSimonianLaird => "DL",
        Tau2Method.PauleMandel => "PM",
        _ => "REML",
    };

    /// <summary>Parses FE, DL, REML or PM (case-insensitive).</summary>
    /// <exception cref="NmtInputException">Unknown method.</exception>
    public static Tau2Method ParseMethod(string code)
    {
        ArgumentNullException.ThrowIfNull(code);
        return code.ToUpperInvariant() switch
        {
            "FE" or "EE" or "CE" => Tau2Method.FixedEffect,
            "DL" => Tau2Method.DerSimonianLaird,
            "REML" => Tau2Method.Reml,
            "PM" => Tau2Method.PauleMandel,
            _ => throw new NmtInputException($"unknown method '{code}'. Use REML, DL, FE or PM."),
        };
    }
}
