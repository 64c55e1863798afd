using Nmt.Analytics.Formulas;

namespace Nmt.Analytics.Tests.Formulas;

/// <summary><c>poly(x, d)</c> and <c>poly(x, d, raw = TRUE)</c> against R's model.matrix (reference/make_poly_reference.R).</summary>
public class PolyReferenceTests
{
    private static readonly ReferenceCases Cases = new("Formulas", "poly_matrices.json");

    public static TheoryData<string> CaseNames() => Cases.Names();

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void Poly_model_matrix_matches_R(string name) => ModelMatrixReferenceTests.AssertMatchesR(Cases, name);

    [Theory]
    [InlineData("mpg ~ poly(hp)")]
    [InlineData("mpg ~ poly(hp, 2.5)")]
    [InlineData("mpg ~ poly(hp, 2, raw = yes)")]
    public void Malformed_poly_calls_are_refused_with_the_usage(string formula)
    {
        var table = ReferenceCsv.Load("Formulas", "mtcars.csv");
        var e = Assert.Throws<NmtInputException>(() => ModelFrameBuilder.Build(formula, table));
        Assert.Contains("poly(x, degree", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_degree_beyond_the_distinct_values_is_refused()
    {
        var table = ReferenceCsv.Dataset("Formulas", "ToothGrowth");
        var e = Assert.Throws<NmtInputException>(() => ModelFrameBuilder.Build("len ~ poly(dose, 3)", table));
        Assert.Contains("distinct values", e.Message, StringComparison.Ordinal);
    }
}
