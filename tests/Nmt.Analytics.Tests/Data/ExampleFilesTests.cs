using Nmt.Analytics.Data;

namespace Nmt.Analytics.Tests.Data;

/// <summary>Every faulty example file produces exactly the errors listed in its <c>.expected.txt</c>.</summary>
public class ExampleFilesTests
{
    public static TheoryData<string> ExpectedFiles()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(Path.Combine(RepoFiles.SchemaDir, "examples"), "*.expected.txt").Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(file));
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(ExpectedFiles))]
    public void Validator_reports_exactly_the_expected_errors(string expectedFile)
    {
        var expected = File.ReadAllLines(RepoFiles.Example(expectedFile))
            .Where(l => l.Length > 0 && !l.StartsWith('#') && l != "line,column,rule")
            .Order(StringComparer.Ordinal).ToList();
        var csv = expectedFile.Replace(".expected.txt", ".csv", StringComparison.Ordinal);
        var report = SessionValidator.Validate(RepoFiles.Example(csv));
        var actual = report.Errors
            .Select(e => $"{e.Line?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "-"},{e.Column ?? "-"},{e.Rule}")
            .Order(StringComparer.Ordinal).ToList();
        Assert.Equal(expected, actual);
        Assert.Equal(expected.Count == 0, report.IsValid);
    }

    [Fact]
    public void There_are_faulty_examples_for_every_listed_case()
    {
        Assert.True(ExpectedFiles().Count >= 14);
        var valid = SessionValidator.Validate(RepoFiles.Example("valid-sessions.csv"));
        Assert.True(valid.IsValid);
        Assert.Equal(0, valid.WarningCount);
        Assert.Equal(10, valid.Rows);
        Assert.Equal(4, valid.Clients);
        Assert.Equal(2, valid.Clinics);
    }
}
