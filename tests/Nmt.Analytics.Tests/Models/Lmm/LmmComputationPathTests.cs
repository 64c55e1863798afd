using Nmt.Analytics.Models.Lmm;
using Nmt.Analytics.Models.Optimization;
using static Nmt.Analytics.Tests.Models.Lmm.LmmFixtures;

namespace Nmt.Analytics.Tests.Models.Lmm;

/// <summary>Which evaluation path the reference data sets exercise, agreement of the paths, and the optimisers.</summary>
public sealed class LmmComputationPathTests
{
    [Fact]
    public void Balanced_data_use_design_classes_and_unbalanced_data_the_per_level_kernel()
    {
        var balanced = LinearMixedModelReferenceTests.SleepstudyFrame();
        var unbalanced = Frame("Reaction ~ Days + (Days | Subject)", Read("sleepstudy_unbalanced"), "Reaction", [Intercept, Numeric("Days")],
            new RandomSpec("Subject", r => r["Subject"], Intercept, Numeric("Days")));
        Assert.NotNull(DesignClasses.TryBuild(new CrossProducts(balanced, new ThetaLayout(balanced.RandomBlocks), 100)));
        Assert.Null(DesignClasses.TryBuild(new CrossProducts(unbalanced, new ThetaLayout(unbalanced.RandomBlocks), 100)));
    }

    [Theory]
    [InlineData(0.9, 0.02, 0.2)]
    [InlineData(0.0, 0.5, 1.3)]
    [InlineData(2.0, -0.4, 0.0)]
    public void Design_class_and_general_paths_give_the_same_REML_criterion(double t0, double t1, double t2)
    {
        var frame = LinearMixedModelReferenceTests.SleepstudyFrame();
        var layout = new ThetaLayout(frame.RandomBlocks);
        var pls = new PenalizedLeastSquares(new CrossProducts(frame, layout, 100), layout);
        double[] theta = [t0, t1, t2];
        var byClass = pls.Evaluate(theta);
        var general = pls.Evaluate(theta, keep: true);
        Assert.Equal(general.Deviance(180, 2, true), byClass.Deviance(180, 2, true), 8);
        Assert.Equal(general.Beta[1], byClass.Beta[1], 9);
    }

    [Fact]
    public void Bounded_Nelder_Mead_and_Newton_polish_find_a_boundary_minimum_exactly()
    {
        static double F(double[] x) => Math.Pow(x[0] - 2, 2) + Math.Pow(x[1] + 1, 2) + (0.5 * x[0] * x[1]);
        var coarse = BoundedNelderMead.Minimize(F, [1.0, 1.0], [double.NegativeInfinity, 0.0]);
        var polished = ProjectedNewtonPolish.Polish(F, coarse.Minimizer, [double.NegativeInfinity, 0.0]);
        // With x1 held at its bound 0 the minimum is x0 = 2; the gradient in x1 there (2 + 1) > 0 keeps it on the bound.
        Assert.Equal(0.0, polished.Minimizer[1]);
        Assert.Equal(2.0, polished.Minimizer[0], 6);
        Assert.True(polished.Converged);
    }
}
