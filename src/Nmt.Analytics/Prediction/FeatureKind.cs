namespace Nmt.Analytics.Prediction;

/// <summary>How a column becomes feature slots.</summary>
public enum FeatureKind
{
    /// <summary>A number (missing → training mean, plus a missing indicator).</summary>
    Numeric,

    /// <summary>A category, one-hot coded over the training levels.</summary>
    Categorical,

    /// <summary>A multi-valued code set such as <c>techniques</c>: one 0/1 indicator per code.</summary>
    CodeSet,
}
