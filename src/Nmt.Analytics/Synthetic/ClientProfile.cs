namespace Nmt.Analytics.Synthetic;

using P = PlantedParameters;
using S = SimulationCodes;

/// <summary>Everything fixed for one client over the episode, drawn first from the client's stream.</summary>
internal sealed class ClientProfile
{
    public required string Region { get; init; }
    public required string Condition { get; init; }
    public required string Chronicity { get; init; }
    public required string AgeBand { get; init; }
    public required string Sex { get; init; }
    public required string BreathingPattern { get; init; }
    public required int Nutrition { get; init; }
    public required string PostureFinding { get; init; }
    public required string GaitFinding { get; init; }
    public required bool NeuralEntrapment { get; init; }
    public required bool NerveCompression { get; init; }
    public required int Therapist { get; init; }

    /// <summary>Random intercept b0 (NPRS points).</summary>
    public required double InterceptDeviation { get; init; }

    /// <summary>Random slope b1 (NPRS points per session).</summary>
    public required double SlopeDeviation { get; init; }

    public required double StressLevel { get; init; }
    public required double HydrationLevel { get; init; }
    public required double SleepLevel { get; init; }
    public required double PptLevel { get; init; }
    public required double RomLevel { get; init; }

    /// <summary>Per entry of <see cref="PlantedParameters.MissingRates"/>: true when that client-level column is missing (MCAR) in all rows.</summary>
    public required bool[] MissingColumns { get; init; }

    public static ClientProfile Draw(SimulationRandom random, ClinicTruth clinic)
    {
        var conditionWeights = clinic.Role == ClinicPlanner.CaseMix ? P.CaseMixConditionWeights : P.ConditionWeights;
        var condition = random.Choose(conditionWeights);
        var (b0, b1) = DrawRandomEffects(random);
        return new ClientProfile
        {
            Region = S.Regions[random.Choose(P.RegionWeights)],
            Condition = S.Conditions[condition],
            Chronicity = S.Chronicities[random.Choose(P.ChronicityGivenCondition[condition])],
            AgeBand = S.AgeBands[random.Choose(P.AgeBandWeights)],
            Sex = S.Sexes[random.Choose(P.SexWeights)],
            BreathingPattern = S.BreathingPatterns[random.Choose(P.BreathingWeights)],
            Nutrition = 1 + random.Choose(P.NutritionWeights),
            PostureFinding = S.PostureFindings[random.Choose(P.PostureWeights)],
            GaitFinding = S.GaitFindings[random.Choose(P.GaitWeights)],
            NeuralEntrapment = random.Bernoulli(P.NeuralEntrapmentRate),
            NerveCompression = random.Bernoulli(P.NerveCompressionRate),
            Therapist = random.NextInt(1, clinic.NTherapists),
            InterceptDeviation = b0,
            SlopeDeviation = b1,
            StressLevel = random.NextNormal(clinic.Role == ClinicPlanner.CaseMix ? P.CaseMixStressLevelMean : P.StressLevelMean, 1.8),
            HydrationLevel = Math.Clamp(random.NextNormal(1.8, 0.5), 0.3, 4.5),
            SleepLevel = random.NextNormal(6.8, 0.9),
            PptLevel = random.NextNormal(4.5, 0.6),
            RomLevel = random.NextNormal(75, 15),
            MissingColumns = DrawMissing(random),
        };
    }

    // (b0, b1) ~ N(0, [[sd0², ρ sd0 sd1], [ρ sd0 sd1, sd1²]]) via the Cholesky factor.
    private static (double B0, double B1) DrawRandomEffects(SimulationRandom random)
    {
        var z1 = random.NextNormal();
        var z2 = random.NextNormal();
        var rho = P.InterceptSlopeCorrelation;
        return (P.SdIntercept * z1, P.SdSlope * ((rho * z1) + (Math.Sqrt(1 - (rho * rho)) * z2)));
    }

    private static bool[] DrawMissing(SimulationRandom random)
    {
        var missing = new bool[P.MissingRates.Length];
        for (var k = 0; k < missing.Length; k++)
        {
            missing[k] = P.MissingRates[k].Level == "client" && random.Bernoulli(P.MissingRates[k].Rate);
        }
        return missing;
    }
}
