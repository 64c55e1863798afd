using Nmt.Analytics.Models.Optimization;

namespace Nmt.Analytics.Tests.Models.Optimization;

/// <summary>
/// The optimum check's gradient rule is lme4's <c>checkConv</c>: per component the smaller of |g| and |R⁻¹g|
/// (H = RᵀR) must be at most 2e-3. Hand-computable quadratics: f = s·((x₀ − 1)² + (x₁ − 2)²) has g = 2s·δ and
/// R⁻¹g = √(2s)·δ at a point δ away from the minimum.
/// </summary>
public sealed class BoundedOptimumCheckTests
{
    private static OptimumCheckResult CheckAt(double scale, double offset)
    {
        double F(double[] x) => scale * ((x[0] - 1) * (x[0] - 1) + (x[1] - 2) * (x[1] - 2));
        double[] point = [1 + offset, 2];
        return BoundedOptimumCheck.Check(F, point, F(point), [double.NegativeInfinity, double.NegativeInfinity]);
    }

    [Fact]
    public void A_large_absolute_gradient_of_a_steep_objective_whose_newton_step_is_tiny_passes()
    {
        // s = 1e10 (a sum over very many rows), δ = 1e-12: |g| = 0.02 fails an absolute 2e-3 test, |R⁻¹g| = 1.4e-7 passes.
        var check = CheckAt(1e10, 1e-12);
        Assert.InRange(check.MaxAbsGradient, 0.015, 0.025);
        Assert.True(check.IsOptimum);
    }

    [Fact]
    public void A_point_away_from_the_optimum_fails_on_either_scale()
    {
        // s = 1, δ = 0.01: |g| = 0.02 and |R⁻¹g| = 0.014, both above 2e-3.
        Assert.False(CheckAt(1, 0.01).IsOptimum);
        // s = 1e10, δ = 1e-6: |g| = 2e4, |R⁻¹g| = 0.14.
        Assert.False(CheckAt(1e10, 1e-6).IsOptimum);
    }

    [Fact]
    public void The_minimum_itself_passes()
    {
        Assert.True(CheckAt(1, 0).IsOptimum);
        Assert.True(CheckAt(1e10, 0).IsOptimum);
    }
}
