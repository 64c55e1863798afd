namespace Nmt.Analytics.Synthetic;

/// <summary>What to simulate. The same options and seed always give the same data, on any machine.</summary>
public sealed record SimulationOptions
{
    /// <summary>Number of clients (episodes of care). At least 1, and at least <see cref="Clinics"/>.</summary>
    public int Clients { get; init; } = 600;

    /// <summary>Number of clinics (1–999). Roles (better, worse, case-mix, tiny) need 2, 3, 5 and 4 clinics respectively.</summary>
    public int Clinics { get; init; } = 12;

    /// <summary>Seed of the generator.</summary>
    public long Seed { get; init; } = 1;

    /// <summary>
    /// True (default): NPRS pain is recorded as integers 0–10 as in real data (pain_pre rounded half-to-even
    /// and clipped; pain_post = clip(pain_pre + round(change))). False: unrounded values, only clipped to 0–10.
    /// </summary>
    public bool IntegerPain { get; init; } = true;

    /// <summary>True (default): optional columns are missing at the documented MCAR rates.</summary>
    public bool Missingness { get; init; } = true;

    /// <summary>Every client attends at least this many sessions (default 3).</summary>
    public int MinSessions { get; init; } = 3;

    /// <summary>No client attends more than this many sessions (default 12).</summary>
    public int MaxSessions { get; init; } = 12;

    /// <summary>Clients of the planted tiny clinic (default 8, below the usual suppression threshold of 11).</summary>
    public int TinyClinicClients { get; init; } = 8;

    /// <summary>Throws <see cref="NmtInputException"/> when the options cannot be simulated.</summary>
    public void Validate()
    {
        if (Clients < 1)
        {
            throw new NmtInputException($"--clients must be at least 1 (got {Clients}).");
        }
        if (Clinics < 1 || Clinics > 999)
        {
            throw new NmtInputException($"--clinics must be between 1 and 999 (got {Clinics}).");
        }
        if (Clients < Clinics)
        {
            throw new NmtInputException($"--clients ({Clients}) must be at least --clinics ({Clinics}): every clinic needs a client.");
        }
        if (MinSessions < 1 || MaxSessions < MinSessions)
        {
            throw new NmtInputException($"sessions must satisfy 1 <= min ({MinSessions}) <= max ({MaxSessions}).");
        }
        if (TinyClinicClients < 1)
        {
            throw new NmtInputException($"the tiny clinic needs at least 1 client (got {TinyClinicClients}).");
        }
    }
}
