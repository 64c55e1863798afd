using System.Globalization;
using Nmt.Analytics.Models.Optimization;

namespace Nmt.Analytics.Tests.Models.Optimization;

/// <summary>
/// BOBYQA against Powell's own code as R's <c>minqa::bobyqa</c> runs it (reference/bobyqa.R, printed values copied
/// here): the same points visited (to 1e-8: rounding differences of ~1e-15 grow as the steps shrink), the same optimum in
/// about the same number of evaluations, bounds met exactly, and the evaluation limit said as such.
/// </summary>
public sealed class BobyqaTests
{
    private static double Rosenbrock(double[] x) => (100 * Math.Pow(x[1] - (x[0] * x[0]), 2)) + Math.Pow(1 - x[0], 2);

    private static double[] None(int n, double value) => Enumerable.Repeat(value, n).ToArray();

    private static readonly BobyqaSettings RosenbrockSettings = new() { InitialRadius = 0.2, FinalRadius = 1e-7, InterpolationPoints = 5 };

    [Fact]
    public void Rosenbrock_visits_the_same_points_as_Powells_code()
    {
        var visited = new List<double[]>();
        Bobyqa.Minimize(x => { visited.Add((double[])x.Clone()); return Rosenbrock(x); }, [-1.2, 1], None(2, double.NegativeInfinity), null, RosenbrockSettings);
        var path = Path.Combine(AppContext.BaseDirectory, "Models", "Optimization", "reference", "bobyqa_rosenbrock_trace.csv");
        var expected = File.ReadAllLines(path).Skip(1).Select(l => l.Split(',').Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToArray()).ToList();
        Assert.Equal(60, expected.Count);
        for (var i = 0; i < expected.Count; i++)
        {
            Assert.Equal(expected[i][0], visited[i][0], 1e-8);
            Assert.Equal(expected[i][1], visited[i][1], 1e-8);
        }
    }

    [Fact]
    public void Rosenbrock_reaches_minqas_optimum()
    {
        var (result, stop) = Bobyqa.Minimize(Rosenbrock, [-1.2, 1], None(2, double.NegativeInfinity), null, RosenbrockSettings);
        Assert.Equal(BobyqaStop.RadiusReached, stop);
        Assert.True(result.Converged);
        Assert.Equal(0.99999997945180574, result.Minimizer[0], 1e-6);
        Assert.Equal(0.99999995894889171, result.Minimizer[1], 1e-6);
        Assert.InRange(result.Value, 0, 1e-12);
        Assert.InRange(result.Evaluations, 173 * 0.9, 173 * 1.1);
    }

    [Fact]
    public void Active_bounds_are_met_exactly()
    {
        static double F(double[] x) => Math.Pow(x[0] + 1, 2) + Math.Pow(x[1] - 2, 2) + Math.Pow(x[2] - 0.5, 2) + (0.5 * x[0] * x[2]);
        var (result, stop) = Bobyqa.Minimize(F, [1, 1, 1], [0, double.NegativeInfinity, double.NegativeInfinity],
            [double.PositiveInfinity, 1.5, double.PositiveInfinity],
            new BobyqaSettings { InitialRadius = 0.2, FinalRadius = 1e-7, InterpolationPoints = 7 });
        Assert.Equal(BobyqaStop.RadiusReached, stop);
        Assert.Equal(0.0, result.Minimizer[0]);
        Assert.Equal(1.5, result.Minimizer[1]);
        Assert.Equal(0.49999999999998401, result.Minimizer[2], 1e-10);
        Assert.Equal(1.25, result.Value, 1e-12);
        Assert.InRange(result.Evaluations, 35 * 0.9, 35 * 1.1);
    }

    [Fact]
    public void A_four_dimensional_chain_reaches_the_same_local_minimum_as_minqa()
    {
        static double Chain(double[] x)
        {
            var s = 0.0;
            for (var i = 0; i < x.Length - 1; i++)
            {
                s += (100 * Math.Pow(x[i + 1] - (x[i] * x[i]), 2)) + Math.Pow(1 - x[i], 2);
            }
            return s;
        }
        var (result, _) = Bobyqa.Minimize(Chain, [-1, 0.5, -0.5, 1.5], None(4, double.NegativeInfinity), null,
            new BobyqaSettings { InitialRadius = 0.2, FinalRadius = 1e-8, InterpolationPoints = 9 });
        double[] expected = [-0.77565916579337968, 0.61309327219460186, 0.38206273262289248, 0.14597193164233432];
        for (var i = 0; i < 4; i++)
        {
            Assert.Equal(expected[i], result.Minimizer[i], 1e-7);
        }
        Assert.Equal(3.7014286104300229, result.Value, 1e-10);
        Assert.InRange(result.Evaluations, 193 * 0.9, 193 * 1.1);
    }

    [Fact]
    public void The_evaluation_limit_is_reported_and_never_called_convergence()
    {
        var (result, stop) = Bobyqa.Minimize(Rosenbrock, [-1.2, 1], None(2, double.NegativeInfinity), null,
            new BobyqaSettings { MaxEvaluations = 20 });
        Assert.Equal(BobyqaStop.EvaluationLimit, stop);
        Assert.False(result.Converged);
        Assert.Equal(20, result.Evaluations);
        Assert.True(result.Value < Rosenbrock([-1.2, 1]));
    }

    [Fact]
    public void Bad_arguments_are_refused()
    {
        Assert.Throws<ArgumentException>(() => Bobyqa.Minimize(x => x[0] * x[0], [1.0], [0.0]));
        Assert.Throws<ArgumentException>(() => Bobyqa.Minimize(Rosenbrock, [0.5, 0.5], [0, 0], [0.1, 1]));
    }
}
