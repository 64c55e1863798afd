using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Nmt.Analytics.Formulas;
using Nmt.Analytics.Models.Lmm;
using static Nmt.Analytics.Tests.Models.Lmm.GrowthCurveReferenceTests;
using static Nmt.Analytics.Tests.Models.Lmm.LmmFixtures;

namespace Nmt.Analytics.Tests.Models.Lmm;

/// <summary>
/// A fit never reports convergence it has not checked: the optimum is invariant to the units of a covariate, cannot
/// be improved by restarting, is reached from lme4's own (unit-dependent) start, and an evaluation limit or an
/// unidentifiable model is said plainly. Expected optima are lme4's (reference/growth/growth_expected.json).
/// </summary>
public sealed class OptimumCheckTests
{
    private static double Deviance(ModelFrame frame, bool reml, double[] theta)
    {
        var layout = new ThetaLayout(frame.RandomBlocks);
        var pls = new PenalizedLeastSquares(new CrossProducts(frame, layout, 2000), layout);
        return pls.Evaluate(theta).Deviance(frame.Count, frame.X.ColumnCount, reml);
    }

    /// <summary>
    /// Multiplying age by c divides its fixed effect, SE and random-slope SD by c and leaves the correlation alone;
    /// the ML log-likelihood is unchanged and the REML one moves by exactly −log c (log|R_X|² gains 2 log c).
    /// </summary>
    [Property(MaxTest = 12)]
    public Property Rescaling_age_scales_its_estimates_exactly_and_not_the_likelihood()
    {
        var cases = Gen.Elements("oxboys", "oxboys_quadratic").SelectMany(model =>
            Gen.Elements(10.0, 0.1).SelectMany(c => Gen.Elements(true, false).Select(reml => (model, c, reml))));
        return Prop.ForAll(Arb.From(cases), t =>
        {
            var (model, c, reml) = t;
            var options = new LmmOptions { Reml = reml };
            var fit = LinearMixedModel.Fit(GrowthFrame(model), options);
            var scaled = LinearMixedModel.Fit(GrowthFrame(model, c), options);
            LmeReferenceAssert.Close(fit.FixedEffects[1].Estimate / c, scaled.FixedEffects[1].Estimate, 1e-6, "age estimate");
            LmeReferenceAssert.Close(fit.FixedEffects[1].StdError / c, scaled.FixedEffects[1].StdError, 1e-5, "age SE");
            LmeReferenceAssert.Close(fit.FixedEffects[0].Estimate, scaled.FixedEffects[0].Estimate, 1e-6, "intercept");
            LmeReferenceAssert.Close(fit.VarianceComponents[1].StdDev / c, scaled.VarianceComponents[1].StdDev, 1e-5, "slope SD");
            Assert.Equal(fit.RandomCorrelations[0].Correlation, scaled.RandomCorrelations[0].Correlation, 5);
            var shift = reml ? -Math.Log(c) : 0;
            Assert.Equal(fit.LogLikelihood + shift, scaled.LogLikelihood, 6);
            Assert.True(scaled.Converged);
        });
    }

    [Theory]
    [InlineData("oxboys", true)]
    [InlineData("oxboys_quadratic", true)]
    [InlineData("oxboys_quadratic", false)]
    [InlineData("bodyweight", true)]
    [InlineData("chickweight", false)]
    [InlineData("ovary", true)]
    public void No_returned_optimum_is_improved_by_a_restart(string model, bool reml)
    {
        var frame = GrowthFrame(model);
        var options = new LmmOptions { Reml = reml };
        var fit = LinearMixedModel.Fit(frame, options);
        var layout = new ThetaLayout(frame.RandomBlocks);
        double F(double[] th) => Deviance(frame, reml, th);
        var theta = fit.Theta.ToArray();
        double[][] restarts = [theta.Select(v => v * 1.5).ToArray(), theta.Select(v => v * 0.5).ToArray(), layout.Start()];
        foreach (var start in restarts)
        {
            var (again, _, converged) = ThetaOptimizer.Minimize(F, [start], layout.LowerBounds, options);
            Assert.True(converged);
            Assert.True(F(again) >= fit.Criterion - (1e-9 * Math.Abs(fit.Criterion)), $"a restart from [{string.Join(", ", start)}] improved the deviance");
        }
    }

    /// <summary>From lme4's identity start alone, Oxboys stops on the correlation = +1 edge; restart_edge must leave it.</summary>
    [Theory]
    [InlineData("oxboys", true)]
    [InlineData("oxboys_quadratic", true)]
    [InlineData("oxboys_quadratic", false)]
    public void From_lme4s_identity_start_the_edge_is_left_for_lme4s_optimum(string model, bool reml)
    {
        var frame = GrowthFrame(model);
        var layout = new ThetaLayout(frame.RandomBlocks);
        var (theta, summary, converged) = ThetaOptimizer.Minimize(th => Deviance(frame, reml, th), [layout.Start()], layout.LowerBounds, new LmmOptions { Reml = reml });
        Assert.True(converged, summary.Message);
        Assert.False(summary.AtBoundary);
        var expected = ExpectedGrowth(model + (reml ? "_reml" : "_ml")).GetProperty("log_lik").GetDouble();
        LmeReferenceAssert.Close(expected, -0.5 * Deviance(frame, reml, theta), 1e-8, "logLik");
        Assert.True(summary.MaxAbsGradient < 2e-3);
    }

    [Fact]
    public void Hitting_the_evaluation_limit_is_not_convergence_and_says_so()
    {
        var options = new LmmOptions { Optimizer = new LmmOptions().Optimizer with { MaxEvaluations = 8 } };
        var fit = LinearMixedModel.Fit(GrowthFrame("oxboys_quadratic"), options);
        Assert.False(fit.Converged);
        var warning = Assert.Single(fit.Warnings);
        Assert.Contains("limit of 8 deviance evaluations", warning, StringComparison.Ordinal);
        Assert.False((bool)fit.ToJson()["converged"]!);
    }

    [Fact]
    public void A_model_with_as_many_random_effects_as_rows_is_refused_with_the_reason()
    {
        var rows = Read("growth/oxboys");
        var frame = Frame("height ~ age + (age | Subject)", rows, "height", [Intercept, Numeric("age")],
            new RandomSpec("Subject", r => r["Subject"] + "/" + r["age"], Intercept, Numeric("age")));
        var e = Assert.Throws<NmtInputException>(() => LinearMixedModel.Fit(frame));
        Assert.Contains("cannot be identified", e.Message, StringComparison.Ordinal);
        Assert.Contains("random effects (", e.Message, StringComparison.Ordinal);
    }
}
