using Nmt.Analytics.Models;
using Nmt.Analytics.Synthetic;

namespace Nmt.Analytics.Tests.Recovery;

/// <summary>One 3,000-client simulation (12 clinics, seed 2026, integer pain, MCAR holes) shared by the recovery tests.</summary>
public sealed class RecoveryFixture
{
    /// <summary>The simulated sessions and their planted truth.</summary>
    public SimulatedSessions Simulated { get; } =
        SessionSimulator.Simulate(new SimulationOptions { Clients = 3000, Clinics = 12, Seed = 2026 });

    /// <summary>The planted truth.</summary>
    public GroundTruth Truth => Simulated.Truth;

    /// <summary>OLS of the generating pain_change formula with CR1 by client_id, fitted once for all tests.</summary>
    public OlsFit PainChangeFit => _painChangeFit ??= RecoveryData.FitClustered(Simulated, Truth.Model("pain_change").Formula);

    private OlsFit? _painChangeFit;
}
