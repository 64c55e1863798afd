namespace Nmt.Analytics.Notebooks;

/// <summary>Where a cell is in its run.</summary>
public enum CellPhase
{
    /// <summary>About to run.</summary>
    Started,

    /// <summary>Ran to the end.</summary>
    Succeeded,

    /// <summary>Failed or was refused; the run stops.</summary>
    Failed,
}
