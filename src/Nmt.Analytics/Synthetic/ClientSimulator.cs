namespace Nmt.Analytics.Synthetic;

using P = PlantedParameters;

/// <summary>Simulates one client's episode of care, session by session, from the client's own random stream.</summary>
internal sealed class ClientSimulator(SimulationOptions options, TechniqueSampler techniques)
{
    public void Simulate(int clientIndex, string clientId, ClinicTruth clinic, SimulatedColumns output)
    {
        var random = new SimulationRandom(options.Seed, clientIndex + 1L);
        var profile = ClientProfile.Draw(random, clinic);
        var firstPainPre = double.NaN;
        var day = 0.0;
        for (var session = 1; session <= options.MaxSessions; session++)
        {
            day += session == 1 ? 0 : Gap(random);
            var row = Session(random, profile, clinic, session);
            row.ClientId = clientId;
            row.Day = day;
            firstPainPre = session == 1 ? row.PainPre : firstPainPre;
            var last = session == options.MaxSessions
                || (session >= options.MinSessions && random.Bernoulli(DropoutProbability(firstPainPre - row.PainPost)));
            Outcomes(random, profile, row, firstPainPre, session == 1 || last);
            ApplyMissing(random, profile, row);
            output.Append(row);
            if (last)
            {
                return;
            }
        }
    }

    /// <summary>Probability of leaving after a session, by improvement so far (pain_pre of session 1 − pain_post now).</summary>
    public static double DropoutProbability(double improvement) =>
        improvement >= P.RecoveredImprovement ? P.DropoutRecovered
        : improvement <= P.NotHelpedImprovement ? P.DropoutNotHelped
        : P.DropoutOtherwise;

    private static double Gap(SimulationRandom random) =>
        random.NextInt(4, 10) + (random.Bernoulli(0.1) ? random.NextInt(7, 28) : 0);

    private SessionRow Session(SimulationRandom random, ClientProfile profile, ClinicTruth clinic, int session)
    {
        var row = Covariates(random, profile, clinic, session);
        var prePredictor = P.PreIntercept + (P.PreSession * session) + (P.PreStress * row.Stress) + (P.PreHydration * row.Hydration)
            + (P.PreSleep * row.SleepHours) + P.PreBreathing[profile.BreathingPattern] + P.PreRegion[profile.Region]
            + P.PreCondition[profile.Condition] + P.PreChronicity[profile.Chronicity] + (P.PreNutrition * profile.Nutrition)
            + profile.InterceptDeviation + (profile.SlopeDeviation * session);
        var preLatent = prePredictor + random.NextNormal(0, P.PreResidualSd);
        var changeLatent = P.ChangeIntercept + TechniqueSampler.Effect(row.Techniques) + (P.ChangeStress * row.Stress)
            + (P.ChangeHydration * row.Hydration) + P.ChangeChronicity[profile.Chronicity] + clinic.Effect
            + random.NextNormal(0, P.ChangeResidualSd);
        (row.PainPre, row.PainPost) = RecordPain(preLatent, changeLatent);
        return row;
    }

    private SessionRow Covariates(SimulationRandom random, ClientProfile profile, ClinicTruth clinic, int session) => new()
    {
        ClinicId = clinic.ClinicId,
        TherapistId = clinic.ClinicId + "-T" + profile.Therapist.ToString(System.Globalization.CultureInfo.InvariantCulture),
        Session = session,
        Region = profile.Region,
        Techniques = techniques.Draw(random),
        AgeBand = profile.AgeBand,
        Sex = profile.Sex,
        Condition = profile.Condition,
        Chronicity = profile.Chronicity,
        Stress = Math.Round(Math.Clamp(random.NextNormal(profile.StressLevel, 1.0), 0, 10), MidpointRounding.ToEven),
        Hydration = Math.Round(Math.Clamp(random.NextNormal(profile.HydrationLevel, 0.2), 0.2, 5.0), 1),
        SleepHours = Math.Round(2 * Math.Clamp(random.NextNormal(profile.SleepLevel, 0.6), 3, 11)) / 2,
        BreathingPattern = profile.BreathingPattern,
        Nutrition = profile.Nutrition,
        NeuralEntrapment = profile.NeuralEntrapment ? 1 : 0,
        NerveCompression = profile.NerveCompression ? 1 : 0,
        PostureFinding = profile.PostureFinding,
        GaitFinding = profile.GaitFinding,
        DurationMin = P.Durations[random.Choose(P.DurationWeights)],
    };

    // Integer NPRS: pain_pre = clip(round(latent)); pain_post = clip(pain_pre + round(change)). Rounding is half-to-even.
    private (double Pre, double Post) RecordPain(double preLatent, double changeLatent)
    {
        if (!options.IntegerPain)
        {
            var pre = Math.Clamp(preLatent, 0, 10);
            return (pre, Math.Clamp(pre + changeLatent, 0, 10));
        }
        var preInt = Math.Clamp(Math.Round(preLatent, MidpointRounding.ToEven), 0, 10);
        return (preInt, Math.Clamp(preInt + Math.Round(changeLatent, MidpointRounding.ToEven), 0, 10));
    }

    private static void Outcomes(SimulationRandom random, ClientProfile profile, SessionRow row, double firstPainPre, bool disabilityScheduled)
    {
        var change = row.PainPost - row.PainPre;
        row.TriggerPoints = Math.Min(20, random.NextPoisson(0.5 + (0.4 * row.PainPre)));
        row.PptPre = Math.Round(Math.Clamp(profile.PptLevel - (0.25 * row.PainPre) + random.NextNormal(0, 0.3), 0.5, 12), 1);
        row.PptPost = Math.Round(Math.Clamp(row.PptPre - (0.15 * change) + 0.1 + random.NextNormal(0, 0.2), 0.5, 12), 1);
        row.RomPre = Math.Round(Math.Clamp(profile.RomLevel - (3 * row.PainPre) + random.NextNormal(0, 4), 5, 180));
        row.RomPost = Math.Round(Math.Clamp(row.RomPre - (2 * change) + 2 + random.NextNormal(0, 3), 5, 180));
        var grc = Math.Round(Math.Clamp((0.8 * (firstPainPre - row.PainPost)) + random.NextNormal(), -7, 7));
        row.Grc = row.Session >= 2 ? grc : double.NaN;
        var compression = row.Techniques.Contains("ischemic_compression") || row.Techniques.Contains("init");
        row.AdverseEvent = random.Bernoulli(P.AdverseBase + (compression ? P.AdverseCompression : 0)) ? 1 : 0;
        var (instrument, score) = Disability(random, profile.Region, row.PainPre);
        row.DisabilityInstrument = disabilityScheduled ? instrument : null;
        row.DisabilityScore = disabilityScheduled ? score : double.NaN;
    }

    private static (string Instrument, double Score) Disability(SimulationRandom random, string region, double pain)
    {
        var noise = random.NextNormal();
        return region switch
        {
            "head_jaw" or "cervical" => ("ndi", Math.Clamp(Math.Round((8 * pain) + (8 * noise)), 0, 100)),
            "lumbar" => ("odi", Math.Clamp(Math.Round((7 * pain) + 5 + (8 * noise)), 0, 100)),
            "shoulder" or "elbow_forearm" or "wrist_hand" => ("quickdash", Math.Clamp(Math.Round((7 * pain) + 5 + (8 * noise)), 0, 100)),
            "pelvis_hip" or "knee" or "ankle_foot" => ("lefs", Math.Clamp(Math.Round(75 - (5 * pain) + (6 * noise)), 0, 80)),
            _ => ("psfs", Math.Clamp(Math.Round(9 - (0.6 * pain) + (0.8 * noise), 1), 0, 10)),
        };
    }

    // Draws the session-level MCAR indicators always (so the stream does not depend on the option), applies them if enabled.
    private void ApplyMissing(SimulationRandom random, ClientProfile profile, SessionRow row)
    {
        var missing = (bool[])profile.MissingColumns.Clone();
        for (var k = 0; k < P.MissingRates.Length; k++)
        {
            if (P.MissingRates[k].Level == "session" && random.Bernoulli(P.MissingRates[k].Rate))
            {
                missing[k] = true;
            }
        }
        if (options.Missingness)
        {
            Blank(row, missing);
        }
    }

    private static void Blank(SessionRow row, bool[] missing)
    {
        bool M(string column) => missing[P.MissingIndex[column]];
        row.TherapistId = M("therapist_id") ? null : row.TherapistId;
        row.AgeBand = M("age_band") ? null : row.AgeBand;
        row.Sex = M("sex") ? null : row.Sex;
        row.Condition = M("condition") ? null : row.Condition;
        row.Chronicity = M("chronicity") ? null : row.Chronicity;
        row.BreathingPattern = M("breathing_pattern") ? null : row.BreathingPattern;
        row.Nutrition = M("nutrition") ? double.NaN : row.Nutrition;
        row.PostureFinding = M("posture_finding") ? null : row.PostureFinding;
        row.GaitFinding = M("gait_finding") ? null : row.GaitFinding;
        row.NeuralEntrapment = M("neural_entrapment") ? double.NaN : row.NeuralEntrapment;
        row.NerveCompression = M("nerve_compression") ? double.NaN : row.NerveCompression;
        row.Stress = M("stress") ? double.NaN : row.Stress;
        row.Hydration = M("hydration") ? double.NaN : row.Hydration;
        row.SleepHours = M("sleep_hours") ? double.NaN : row.SleepHours;
        row.TriggerPoints = M("trigger_points") ? double.NaN : row.TriggerPoints;
        (row.PptPre, row.PptPost) = M("ppt_pre") ? (double.NaN, double.NaN) : (row.PptPre, row.PptPost);
        (row.RomPre, row.RomPost) = M("rom_pre") ? (double.NaN, double.NaN) : (row.RomPre, row.RomPost);
        row.DisabilityScore = M("disability_score") ? double.NaN : row.DisabilityScore;
        row.Grc = M("grc") ? double.NaN : row.Grc;
        row.DurationMin = M("duration_min") ? double.NaN : row.DurationMin;
        row.AdverseEvent = M("adverse_event") ? double.NaN : row.AdverseEvent;
    }
}
