using System.Globalization;
using Nmt.Analytics.Charts;
using Nmt.Analytics.Formulas;
using Nmt.Analytics.Models.Lmm;
using Nmt.Analytics.Results;

namespace Nmt.Analytics.Reports.Sections;

/// <summary>"Factors from the mixed model": how pain before a session relates to session number, stress, hydration and sleep.</summary>
internal static class FactorsSection
{
    /// <summary>Candidate factors with the words used to describe a one-unit change.</summary>
    private static readonly (string Column, string Unit)[] Factors =
    [
        ("session", "each further session"),
        ("stress", "each extra point of stress (0–10)"),
        ("hydration", "each extra litre of water a day"),
        ("sleep_hours", "each extra hour of sleep"),
    ];

    public static void Build(ReportSection section, ReportContext context)
    {
        var sessions = context.Inputs.Sessions;
        var present = Factors.Where(f => sessions.Contains(f.Column)).ToList();
        if (!sessions.Contains("pain_pre") || !sessions.Contains("client_id") || present.Count == 0)
        {
            throw new NmtInputException("the mixed model needs pain_pre, client_id and at least one of session, stress, hydration or sleep_hours.");
        }
        var random = sessions.Contains("session") ? "(1 + session | client_id)" : "(1 | client_id)";
        var formula = $"pain_pre ~ {string.Join(" + ", present.Select(f => f.Column))} + {random}";
        var fit = LinearMixedModel.Fit(ModelFrameBuilder.Build(formula, sessions), new LmmOptions());
        section.Paragraph($"A linear mixed model (REML, as R's lme4) of pain before each session: {formula}. " +
                          "Each client has their own starting level and pace of recovery (random intercept and slope), so repeated sessions of one client " +
                          "are not treated as independent people. Intervals use Satterthwaite degrees of freedom (as lmerTest).");
        var tidy = fit.Tidy();
        section.Bullets(present.Select(f => Statement(fit.FixedEffects, f.Column, f.Unit)).OfType<string>());
        foreach (var warning in fit.Warnings)
        {
            section.Caveat(warning);
        }
        context.Table(section, "mixed_model_fixed_effects", tidy);
        context.Table(section, "mixed_model_variance_components", fit.VarianceComponentTable());
        PainChangeSection.TryFigure(section, context, "mixed_model_coefficients", () => CoefficientPlot.Create(tidy, effectLabel: "Change in pain before session"),
            "Fixed effects of the mixed model with 95 % confidence intervals (intercept not shown). Intervals that exclude zero are highlighted.");
        section.Caveat("These are associations in observational data. Stress, hydration and sleep were not assigned; clients who sleep more may differ in other ways.");
    }

    /// <summary>"Each extra point of stress is associated with pain 0.20 points higher (95 % CI 0.17 to 0.23)."</summary>
    internal static string? Statement(IReadOnlyList<TermEstimate> effects, string term, string unit)
    {
        if (effects.FirstOrDefault(e => e.Term == term) is not { } effect || double.IsNaN(effect.Estimate))
        {
            return null;
        }
        var (estimate, low, high) = (effect.Estimate, effect.CiLow, effect.CiHigh);
        var direction = estimate < 0 ? "lower" : "higher";
        var certainty = low > 0 || high < 0 ? "" : " — the interval includes zero, so the direction is uncertain";
        return string.Create(CultureInfo.InvariantCulture,
            $"{char.ToUpperInvariant(unit[0])}{unit[1..]} is associated with pain {Math.Abs(estimate):0.00} points {direction} before a session (95 % CI {low:0.00} to {high:0.00}){certainty}.");
    }
}
