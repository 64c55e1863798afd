namespace Nmt.Analytics.Outcomes;

/// <summary>Jacobson–Truax class of an episode (Jacobson &amp; Truax 1991).</summary>
public enum ReliableChangeClass
{
    /// <summary>RCI ≤ −critical: less pain, beyond measurement error.</summary>
    ReliableImprovement,

    /// <summary>|RCI| &lt; critical: the change is within measurement error.</summary>
    NoReliableChange,

    /// <summary>RCI ≥ critical: more pain, beyond measurement error.</summary>
    ReliableDeterioration,
}
