using Nmt.Analytics.Inference;
using static Nmt.Analytics.Tests.Inference.InferenceCases;
using static Nmt.Analytics.Tests.Models.ReferenceAssert;

namespace Nmt.Analytics.Tests.Inference;

/// <summary>
/// ANOVA tables against lmerTest 3.1 <c>anova(type = 3|2)</c> (Oats split plot, ChickWeight factor × covariate,
/// sleepstudy) and car 3.1 <c>Anova(type = 2)</c> / <c>Anova(type = 3)</c> with sum-to-zero contrasts (warpbreaks
/// balanced and unbalanced, airquality with NA rows, mtcars), Wald chi-square for logistic regression (infert).
/// </summary>
public class AnovaReferenceTests
{
    public static TheoryData<string> Names => Cases.Names();

    [Theory]
    [MemberData(nameof(Names))]
    public void Anova_tables_match_lmerTest_and_car(string name)
    {
        var (source, table) = Fit(name);
        foreach (var expected in Cases.Named(name).GetProperty("anova").EnumerateArray())
        {
            var type = expected.GetProperty("type").GetInt32();
            var actual = AnovaTable.Compute(source, table, type).Rows;
            var label = $"{name} type {type}";
            Assert.Equal(expected.GetProperty("term").EnumerateArray().Select(t => t.GetString()), actual.Select(r => r.Term));
            Close(Numbers(expected, "num_df"), actual.Select(r => r.NumDf).ToArray(), 1e-12, label + " num_df");
            Close(Numbers(expected, "den_df"), actual.Select(r => r.DenDf ?? double.NaN).ToArray(), Tolerance(name, df: true), label + " den_df");
            Close(Numbers(expected, "statistic"), actual.Select(r => r.Statistic).ToArray(), Tolerance(name), label + " statistic");
            Close(Numbers(expected, "p_value"), actual.Select(r => r.PValue).ToArray(), Tolerance(name, df: true), label + " p_value");
        }
    }

    [Fact]
    public void Only_types_2_and_3_are_accepted()
    {
        var (source, table) = Fit("warpbreaks_lm");
        Assert.Throws<NmtInputException>(() => AnovaTable.Compute(source, table, 1));
    }
}
