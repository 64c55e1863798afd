using System.Globalization;
using Nmt.Analytics.Outcomes;

namespace Nmt.Analytics.Synthetic;

using P = PlantedParameters;

/// <summary>Describes <see cref="PlantedParameters"/> as a <see cref="GroundTruth"/>.</summary>
internal static class GroundTruthBuilder
{
    public const string Generator = "nmt-simulator/1";

    public static GroundTruth Build(SimulationOptions options, IReadOnlyList<ClinicTruth> clinics) => new()
    {
        Generator = Generator,
        Options = options,
        Models = [PainPreModel(), PainChangeModel()],
        Clinics = clinics,
        Dropout = Dropout(options),
        Missingness = P.MissingRates.Select(m => new MissingnessRate(m.Column, m.Level, m.Rate, MissingMeaning(m.Column))).ToList(),
        Notes = Notes(options),
    };

    private static PlantedModel PainPreModel()
    {
        var effects = new List<PlantedEffect>
        {
            new("(Intercept)", P.PreIntercept, "pain_pre at session 0 for the reference client (ankle_foot, acute_injury, acute, diaphragmatic breathing) with stress, hydration, sleep and nutrition all 0"),
            new("session", P.PreSession, "average change in pain before treatment per additional session (recovery over the episode)"),
            new("stress", P.PreStress, "each stress point (0-10) raises pain_pre"),
            new("hydration", P.PreHydration, "each litre/day of water lowers pain_pre"),
            new("sleep_hours", P.PreSleep, "each hour of sleep lowers pain_pre"),
            new("nutrition", P.PreNutrition, "planted null: nutrition (1-5) has no effect; a correct analysis finds ~0"),
        };
        effects.AddRange(Contrasts("breathing_pattern", P.PreBreathing, "pain_pre relative to diaphragmatic breathing"));
        effects.AddRange(Contrasts("region", P.PreRegion, "baseline pain relative to ankle_foot"));
        effects.AddRange(Contrasts("condition", P.PreCondition, "baseline pain relative to acute_injury"));
        effects.AddRange(Contrasts("chronicity", P.PreChronicity, "baseline pain relative to acute"));
        return new PlantedModel(
            "pain_pre",
            "pain_pre ~ session + stress + hydration + sleep_hours + nutrition + breathing_pattern + region + condition + chronicity + (1 + session | client_id)",
            "pain_pre[i,s] = X[i,s] beta + b0[i] + b1[i]*session + e[i,s]; (b0,b1) ~ N(0, Sigma); e ~ N(0, sigma^2); then rounded half-to-even and clipped to 0-10 when integer_pain",
            effects,
            [
                new(SessionColumns.ClientId, "(Intercept)", P.SdIntercept, "between-client SD of pain level (at session 0)"),
                new(SessionColumns.ClientId, "session", P.SdSlope, "between-client SD of the recovery slope per session"),
                new("Residual", "", P.PreResidualSd, "session-to-session noise of the latent pain; integer rounding adds variance ~1/12 (observed residual SD ~ sqrt(0.49 + 0.083) = 0.757)"),
            ],
            [new(SessionColumns.ClientId, "(Intercept)", "session", P.InterceptSlopeCorrelation, "clients with higher pain level tend to recover faster (more negative slope)")],
            "A REML fit of the formula on complete rows should recover these values (dropout depends only on observed pain, i.e. MAR, so likelihood-based mixed models stay unbiased). Session-level covariates use the recorded values.");
    }

    private static PlantedModel PainChangeModel()
    {
        var effects = new List<PlantedEffect>
        {
            new("(Intercept)", P.ChangeIntercept, "pain_change of a session with no technique indicator, acute client, stress 0, hydration 0, clinic effect 0"),
        };
        effects.AddRange(P.ChangeTechnique.Select(t => new PlantedEffect("tech_" + t.Key, t.Value, TechniqueMeaning(t.Key))));
        effects.Add(new("stress", P.ChangeStress, "each stress point blunts the immediate improvement (pain_change less negative)"));
        effects.Add(new("hydration", P.ChangeHydration, "each litre/day of water adds immediate improvement"));
        effects.AddRange(Contrasts("chronicity", P.ChangeChronicity, "immediate improvement is blunted relative to acute"));
        return new PlantedModel(
            "pain_change",
            "pain_change ~ tech_ischemic_compression + tech_positional_release + tech_strain_counterstrain + tech_muscle_energy + tech_init + tech_soft_tissue_release + tech_stacking + tech_induration + tech_other + stress + hydration + chronicity + clinic_id",
            "pain_change_latent = beta0 + sum_t tau_t*tech_t + stress*s + hydration*h + chronicity + clinic_effect[c] + u; u ~ N(0, sigma^2); recorded pain_post = clip(pain_pre + round(pain_change_latent), 0, 10)",
            effects,
            [new("Residual", "", P.ChangeResidualSd, "session-level noise of the immediate effect (rounding adds ~1/12 variance)")],
            [],
            "Techniques are assigned independently of everything else (as if randomised), so simple comparisons of technique groups are unbiased. Clinic effects are listed under clinics (fixed per clinic; with clinic_id as a factor they appear as contrasts against the first clinic).");
    }

    private static IEnumerable<PlantedEffect> Contrasts(string factor, Dictionary<string, double> levels, string meaning) =>
        levels.OrderBy(l => l.Key, StringComparer.Ordinal).Skip(1)
            .Select(l => new PlantedEffect(factor + l.Key, l.Value, $"{factor} = {l.Key}: {meaning}"));

    private static string TechniqueMeaning(string code) => code switch
    {
        "init" => "immediate pain_change of INIT = ischemic compression + positional release + MET (the sum of the three, no synergy)",
        "other" => "immediate pain_change of any other technique (near-null comparator)",
        _ => $"immediate pain_change when {code} is used in the session (additive with the session's other techniques)",
    };

    private static List<DropoutRule> Dropout(SimulationOptions options)
    {
        var scope = string.Create(CultureInfo.InvariantCulture, $"after session s with {options.MinSessions} <= s < {options.MaxSessions}");
        return
        [
            new($"improvement >= {P.RecoveredImprovement.ToString(CultureInfo.InvariantCulture)}", P.DropoutRecovered, $"recovered clients leave early ({scope})"),
            new($"improvement <= {P.NotHelpedImprovement.ToString(CultureInfo.InvariantCulture)}", P.DropoutNotHelped, $"clients not helped leave early ({scope})"),
            new("otherwise", P.DropoutOtherwise, $"background dropout ({scope}); everyone stops at session {options.MaxSessions}"),
        ];
    }

    private static string MissingMeaning(string column) => column switch
    {
        "ppt_pre" => "ppt_pre and ppt_post are missing together",
        "rom_pre" => "rom_pre and rom_post are missing together",
        "disability_score" => "structurally recorded only at session 1 and the client's last session; of those, this rate is MCAR-missing",
        "grc" => "structurally missing at session 1 (no change to rate yet); of later sessions, this rate is MCAR-missing",
        _ => "missing completely at random",
    };

    private static List<string> Notes(SimulationOptions options) =>
    [
        "Techniques: 1, 2 or 3 per session (p = 0.45, 0.40, 0.15), drawn without replacement with weights ischemic_compression .18, positional_release .12, strain_counterstrain .10, muscle_energy .16, init .10, soft_tissue_release .14, stacking .06, induration .06, other .08; init is never coded together with its components.",
        "No carry-over: techniques act on the same session's pain_change only; recovery across sessions is the session slope.",
        "Planted nulls: age_band, sex, therapist_id, nutrition, trigger_points, neural_entrapment, nerve_compression, posture_finding, gait_finding and duration_min have no effect on pain.",
        "Measurement models: trigger_points ~ Poisson(0.5 + 0.4 pain_pre); ppt_pre = client level - 0.25 pain_pre + N(0, 0.3^2); ppt_post = ppt_pre - 0.15 pain_change + 0.1 + N(0, 0.2^2); rom_pre = client level - 3 pain_pre + N(0, 4^2); rom_post = rom_pre - 2 pain_change + 2 + N(0, 3^2); grc = round(0.8 (pain_pre[1] - pain_post) + N(0,1)) clipped to -7..7.",
        "Adverse events (post-treatment soreness): probability 0.02 per session, 0.05 when ischemic_compression or init is used.",
        options.IntegerPain
            ? "Pain is integer NPRS: pain_pre = clip(round_half_even(latent), 0, 10); pain_post = clip(pain_pre + round_half_even(change), 0, 10)."
            : "Pain is continuous: pain_pre = clip(latent, 0, 10); pain_post = clip(pain_pre + change, 0, 10).",
    ];
}
