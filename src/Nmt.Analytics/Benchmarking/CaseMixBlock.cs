namespace Nmt.Analytics.Benchmarking;

/// <summary>
/// Case-mix cross-products of a set of episodes (one site's clinics at or above the minimum size), in the
/// full-indicator design they were built on. Blocks from different sites add up to the pooled model.
/// </summary>
/// <param name="Stats">n, XᵀX, Xᵀy, yᵀy.</param>
/// <param name="Design">The design <paramref name="Stats"/> is expressed in.</param>
/// <param name="Source"><c>local</c> or the summary file name.</param>
public sealed record CaseMixBlock(CaseMixCrossProducts Stats, CaseMixDesign Design, string Source);
