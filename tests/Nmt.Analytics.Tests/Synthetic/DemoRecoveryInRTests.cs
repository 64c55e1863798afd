using System.Text.Json.Nodes;
using Nmt.Analytics.Synthetic;

namespace Nmt.Analytics.Tests.Synthetic;

/// <summary>
/// lme4/lm fits of the planted models to the bundled demo data (reference/demo_fits.R) recover the planted truth:
/// the demo data really carries what docs/simulator.md promises. Model helpers can test their fits against the same file.
/// </summary>
public sealed class DemoRecoveryInRTests
{
    private static readonly JsonNode Fits = JsonNode.Parse(File.ReadAllText(
        Path.Combine(AppContext.BaseDirectory, "Synthetic", "reference", "demo_fits.json")))!;

    private static readonly GroundTruth Truth = DemoData.Truth;

    [Fact]
    public void Pain_pre_fixed_effects_are_within_four_standard_errors_of_the_planted_values()
    {
        var fixedEffects = Fits["pain_pre"]!["fixed_effects"]!.AsArray();
        Assert.Equal(Truth.Model("pain_pre").FixedEffects.Count, fixedEffects.Count);
        foreach (var fit in fixedEffects)
        {
            var planted = Truth.Effect("pain_pre", fit!["term"]!.GetValue<string>());
            AssertWithin(planted, fit, 4);
        }
    }

    [Fact]
    public void Pain_pre_variance_components_are_close_to_the_planted_values()
    {
        var fit = Fits["pain_pre"]!;
        Assert.InRange(fit["sd_intercept"]!.GetValue<double>(), 1.0 - 0.15, 1.0 + 0.15);
        Assert.InRange(fit["sd_slope"]!.GetValue<double>(), 0.10 - 0.035, 0.10 + 0.035);
        Assert.InRange(fit["correlation"]!.GetValue<double>(), -0.3 - 0.3, -0.3 + 0.3);
        Assert.InRange(fit["residual_sd"]!.GetValue<double>(), Math.Sqrt((0.7 * 0.7) + (1.0 / 12)) - 0.05, Math.Sqrt((0.7 * 0.7) + (1.0 / 12)) + 0.05);
    }

    [Fact]
    public void Pain_change_effects_including_clinic_contrasts_are_within_four_standard_errors()
    {
        var reference = Truth.Clinics[0];
        foreach (var fit in Fits["pain_change"]!["fixed_effects"]!.AsArray())
        {
            var term = fit!["term"]!.GetValue<string>();
            var planted = term switch
            {
                "(Intercept)" => Truth.Effect("pain_change", term) + reference.Effect,
                _ when term.StartsWith("clinic_id", StringComparison.Ordinal) => Truth.Clinic(term["clinic_id".Length..]).Effect - reference.Effect,
                _ => Truth.Effect("pain_change", term),
            };
            AssertWithin(planted, fit, 4);
        }
    }

    private static void AssertWithin(double planted, JsonNode fit, double standardErrors)
    {
        var estimate = fit["estimate"]!.GetValue<double>();
        var se = fit["std_error"]!.GetValue<double>();
        Assert.True(Math.Abs(estimate - planted) <= standardErrors * se,
            $"{fit["term"]}: R estimate {estimate:F3} (SE {se:F3}) vs planted {planted:F3}");
    }
}
