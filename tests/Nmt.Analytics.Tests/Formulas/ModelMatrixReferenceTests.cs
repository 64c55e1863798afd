using Nmt.Analytics.Formulas;

namespace Nmt.Analytics.Tests.Formulas;

/// <summary>Model matrices (column names, order and values) against R's model.matrix on named data sets.</summary>
public class ModelMatrixReferenceTests
{
    private static readonly ReferenceCases Cases = new("Formulas", "model_matrices.json");

    public static TheoryData<string> CaseNames() => Cases.Names();

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void Model_matrix_matches_R(string name) => AssertMatchesR(Cases, name);

    /// <summary>Column names, row count, values (to 1e-12) and exclusions of case <paramref name="name"/> equal R's.</summary>
    internal static void AssertMatchesR(ReferenceCases cases, string name)
    {
        var expected = cases.Named(name);
        var table = ReferenceCsv.Dataset("Formulas", expected.GetProperty("data").GetString()!);

        var frame = ModelFrameBuilder.Build(expected.GetProperty("formula").GetString()!, table);

        var columns = expected.GetProperty("columns").EnumerateArray().Select(c => c.GetString()!).ToList();
        Assert.Equal(columns, frame.FixedNames);
        Assert.Equal(expected.GetProperty("n").GetInt32(), frame.Count);
        var x = expected.GetProperty("x").EnumerateArray().ToArray();
        for (var j = 0; j < columns.Count; j++)
        {
            var column = x[j].EnumerateArray().Select(v => v.GetDouble()).ToArray();
            for (var i = 0; i < column.Length; i++)
            {
                Assert.True(Math.Abs(column[i] - frame.X[i, j]) <= 1e-12 * Math.Max(1, Math.Abs(column[i])),
                    $"{name}: X[{i},{columns[j]}] = {frame.X[i, j]}, R {column[i]}");
            }
        }
        var excluded = expected.GetProperty("excluded_rows").EnumerateArray().Select(v => (long)v.GetInt32() + 1).ToList();
        Assert.Equal(excluded, frame.Exclusions.Select(e => e.Line));
    }

    [Fact]
    public void Airquality_exclusions_name_the_missing_column()
    {
        var table = ReferenceCsv.Dataset("Formulas", "airquality");

        var frame = ModelFrameBuilder.Build("Ozone ~ Solar.R + Wind + factor(Month)", table);

        Assert.Equal(42, frame.Exclusions.Count);
        Assert.Equal(new Nmt.Analytics.Data.RowExclusion(6, "missing Ozone"), frame.Exclusions[0]); // R row 5: Ozone and Solar.R NA
        Assert.Contains(frame.Exclusions, e => e.Reason == "missing Solar.R");
        Assert.Equal(111, frame.Count);
    }
}
