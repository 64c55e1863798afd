using Nmt.Analytics.Formulas;
using Nmt.Analytics.Models.Lmm;
using Nmt.Analytics.Models.Optimization;
using static Nmt.Analytics.Tests.Models.Lmm.LmmFixtures;

namespace Nmt.Analytics.Tests.Models.Lmm;

/// <summary>
/// Random-slope growth curves against lme4 1.1.31 / lmerTest 3.1-3 (reference/growth/make_growth_fixtures.R), REML
/// and ML. Oxboys is the case where the random-effect variances dwarf the residual variance and an optimiser that
/// starts at θ = 1 can stop on the correlation = +1 boundary far from the optimum.
/// </summary>
public sealed class GrowthCurveReferenceTests
{
    /// <summary>The model frame of a named growth-curve fit, built by hand as the formula layer would.</summary>
    internal static ModelFrame GrowthFrame(string model, double scale = 1)
    {
        switch (model)
        {
            case "oxboys":
            case "oxboys_quadratic":
                {
                    var rows = Read("growth/oxboys");
                    var age = ("age", (Func<Row, double>)(r => scale * r.Num("age")));
                    var age2 = ("I(age^2)", (Func<Row, double>)(r => Math.Pow(r.Num("age"), 2)));
                    (string, Func<Row, double>)[] fixedColumns = model == "oxboys" ? [Intercept, age] : [Intercept, age, age2];
                    return Frame("height ~ age + (age | Subject)", rows, "height", fixedColumns,
                        new RandomSpec("Subject", r => r["Subject"], Intercept, age));
                }
            case "orthodont":
                return Frame("distance ~ age + Sex + (age | Subject)", Read("growth/orthodont"), "distance",
                    [Intercept, Numeric("age"), Dummy("Sex", "Male")], new RandomSpec("Subject", r => r["Subject"], Intercept, Numeric("age")));
            case "bodyweight":
                {
                    (string, Func<Row, double>) Interaction(string diet) => ("Time:Diet" + diet, r => r["Diet"] == diet ? r.Num("Time") : 0);
                    return Frame("weight ~ Time * Diet + (Time | Rat)", Read("growth/bodyweight"), "weight",
                        [Intercept, Numeric("Time"), Dummy("Diet", "2"), Dummy("Diet", "3"), Interaction("2"), Interaction("3")],
                        new RandomSpec("Rat", r => r["Rat"], Intercept, Numeric("Time")));
                }
            case "chickweight":
                return Frame("weight ~ Time + (Time | Chick)", Read("../../../Inference/reference/chickweight") /* the shared copy */, "weight", [Intercept, Numeric("Time")],
                    new RandomSpec("Chick", r => r["Chick"], Intercept, Numeric("Time")));
            case "ovary":
                {
                    var sin = ("sin(2 * pi * Time)", (Func<Row, double>)(r => Math.Sin(2 * Math.PI * r.Num("Time"))));
                    var cos = ("cos(2 * pi * Time)", (Func<Row, double>)(r => Math.Cos(2 * Math.PI * r.Num("Time"))));
                    return Frame("follicles ~ sin(2*pi*Time) + cos(2*pi*Time) + (1 + sin(2*pi*Time) | Mare)", Read("growth/ovary"), "follicles",
                        [Intercept, sin, cos], new RandomSpec("Mare", r => r["Mare"], Intercept, sin));
                }
            default:
                throw new ArgumentOutOfRangeException(nameof(model), model, null);
        }
    }

    [Theory]
    [InlineData("oxboys", true)]
    [InlineData("oxboys", false)]
    [InlineData("oxboys_quadratic", true)]
    [InlineData("oxboys_quadratic", false)]
    [InlineData("orthodont", true)]
    [InlineData("orthodont", false)]
    [InlineData("bodyweight", true)]
    [InlineData("bodyweight", false)]
    [InlineData("chickweight", true)]
    [InlineData("chickweight", false)]
    [InlineData("ovary", true)]
    [InlineData("ovary", false)]
    public void Growth_curve_matches_lme4_optimum(string model, bool reml)
    {
        var fit = LinearMixedModel.Fit(GrowthFrame(model), new LmmOptions { Reml = reml });
        LmeReferenceAssert.Matches(ExpectedGrowth(model + (reml ? "_reml" : "_ml")), fit, relative: 1e-6, dfRelative: 1e-4);
        Assert.True(fit.Converged);
        Assert.False(fit.Optimizer.AtBoundary);
        Assert.Empty(fit.Warnings);
    }

    /// <summary>The same optima when BOBYQA, lme4's optimiser, makes the coarse search.</summary>
    [Theory]
    [InlineData("oxboys", true)]
    [InlineData("oxboys_quadratic", false)]
    [InlineData("orthodont", true)]
    [InlineData("bodyweight", false)]
    [InlineData("ovary", true)]
    public void Growth_curve_matches_lme4_optimum_with_bobyqa(string model, bool reml)
    {
        var fit = LinearMixedModel.Fit(GrowthFrame(model), new LmmOptions { Reml = reml, CoarseOptimizer = CoarseOptimizer.Bobyqa });
        LmeReferenceAssert.Matches(ExpectedGrowth(model + (reml ? "_reml" : "_ml")), fit, relative: 1e-6, dfRelative: 1e-4);
        Assert.True(fit.Converged);
        Assert.Empty(fit.Warnings);
    }
}
