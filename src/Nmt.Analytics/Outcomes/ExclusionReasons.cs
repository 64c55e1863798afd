namespace Nmt.Analytics.Outcomes;

/// <summary>Exclusion reasons as shared outputs may show them: episode reasons start "client X: ", and X never leaves.</summary>
public static class ExclusionReasons
{
    /// <summary>The reason without its leading "client X: " (unchanged when it has none).</summary>
    public static string WithoutClient(string reason)
    {
        ArgumentNullException.ThrowIfNull(reason);
        var colon = reason.IndexOf(": ", StringComparison.Ordinal);
        return reason.StartsWith("client ", StringComparison.Ordinal) && colon > 0 ? reason[(colon + 2)..] : reason;
    }
}
