namespace Nmt.Analytics.Evidence;

/// <summary>How the between-study variance τ² is estimated (metafor's <c>method</c>).</summary>
public enum Tau2Method
{
    /// <summary>Fixed (common) effect: τ² = 0, inverse-variance weights (<c>"FE"</c>).</summary>
    FixedEffect,

    /// <summary>DerSimonian–Laird method-of-moments estimator (<c>"DL"</c>; DerSimonian &amp; Laird 1986).</summary>
    DerSimonianLaird,

    /// <summary>Restricted maximum likelihood by Fisher scoring (<c>"REML"</c>; Viechtbauer 2005). The default.</summary>
    Reml,

    /// <summary>Paule–Mandel generalized Q estimator (<c>"PM"</c>; Paule &amp; Mandel 1982).</summary>
    PauleMandel,
}
