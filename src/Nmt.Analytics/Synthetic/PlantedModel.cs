namespace Nmt.Analytics.Synthetic;

/// <summary>The true generating model of one outcome column.</summary>
/// <param name="Outcome">Outcome column (<c>pain_pre</c> or <c>pain_change</c>).</param>
/// <param name="Formula">The R/lme4 formula whose estimates should recover the planted values.</param>
/// <param name="Equation">The generating equation in words and symbols.</param>
/// <param name="FixedEffects">Planted coefficients, in R term names.</param>
/// <param name="RandomEffects">Planted random-effect and residual standard deviations.</param>
/// <param name="Correlations">Planted random-effect correlations.</param>
/// <param name="Meaning">What a researcher should expect when fitting the formula to the simulated data.</param>
public sealed record PlantedModel(
    string Outcome,
    string Formula,
    string Equation,
    IReadOnlyList<PlantedEffect> FixedEffects,
    IReadOnlyList<PlantedVarianceComponent> RandomEffects,
    IReadOnlyList<PlantedCorrelation> Correlations,
    string Meaning);
