namespace Nmt.Analytics.Models.Lmm;

/// <summary>Per-level factors of the blocked Cholesky decomposition, kept for the conditional modes.</summary>
internal sealed record PlsFactors(
    double[][] T, double[] Lg, double[] Rzx1, double[] Cu1, double[] W, double[] L22, double[] R2, double[] Cu2);
