using System.Globalization;
using MathNet.Numerics.LinearAlgebra;
using Nmt.Analytics.Benchmarking;

namespace Nmt.Analytics.Tests.Benchmarking;

public class CaseMixCrossProductsTests
{
    private static string Ref(string file) => Path.Combine(AppContext.BaseDirectory, "Benchmarking", "reference", file);

    private static double[][] ReadNumericCsv(string file) =>
        File.ReadAllLines(Ref(file)).Skip(1)
            .Select(l => l.Split(',').Select(v => double.Parse(v.Trim('"'), CultureInfo.InvariantCulture)).ToArray())
            .ToArray();

    [Fact]
    public void Summaries_summed_over_groups_give_R_lm_coefficients_on_mtcars()
    {
        var rows = ReadNumericCsv("mtcars.csv"); // mpg, wt, hp, cyl
        var parts = rows.GroupBy(r => r[3]).Select(g =>
        {
            var x = Matrix<double>.Build.DenseOfRows(g.Select(r => new[] { 1.0, r[1], r[2] }));
            var y = Vector<double>.Build.DenseOfEnumerable(g.Select(r => r[0]));
            return CaseMixCrossProducts.FromRows(x, y);
        });
        var model = CaseMixModel.Fit(["(Intercept)", "wt", "hp"], CaseMixCrossProducts.Sum(parts, 3));

        var expected = File.ReadAllLines(Ref("mtcars_lm_coef.csv")).Skip(1)
            .Select(l => double.Parse(l.Split(',')[1], CultureInfo.InvariantCulture)).ToArray();
        for (var j = 0; j < expected.Length; j++)
        {
            Assert.Equal(expected[j], model.Coefficients[j], Math.Abs(expected[j]) * 1e-10);
        }
        var sigma2 = double.Parse(File.ReadAllText(Ref("mtcars_lm_sigma2.txt")).Trim(), CultureInfo.InvariantCulture);
        Assert.Equal(sigma2, model.ResidualVariance, 1e-9);
        Assert.Equal(32, model.Count);
    }

    [Fact]
    public void Combining_summaries_of_different_models_is_refused()
    {
        var a = CaseMixCrossProducts.Empty(3);
        var b = CaseMixCrossProducts.Empty(4);
        var e = Assert.Throws<NmtInputException>(() => a.Plus(b));
        Assert.Contains("different case-mix models", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Singular_design_gives_a_clear_message()
    {
        var x = Matrix<double>.Build.DenseOfArray(new double[,] { { 1, 0 }, { 1, 0 }, { 1, 0 }, { 1, 0 } });
        var y = Vector<double>.Build.Dense([1.0, 2, 3, 4]);
        var e = Assert.Throws<NmtInputException>(() => CaseMixModel.Fit(["(Intercept)", "regionknee"], CaseMixCrossProducts.FromRows(x, y)));
        Assert.Contains("singular", e.Message, StringComparison.Ordinal);
    }
}
