using System.Globalization;

namespace Nmt.Analytics.Tests.Cli;

/// <summary><c>nmt meta</c> and <c>nmt report --studies</c> read a study file with the same reader, the same way.</summary>
public sealed class StudyFileCliTests : IDisposable
{
    private const string Studies = """
        # synthetic studies; every shared missing token appears once
        study;technique;yi;vi;follow_up
        A;init;-0,50;0,04;4
        B;init;-0,30;0,05;N/A
        C;init;-0,62;0,03;.
        D;muscle_energy;-0,20;0,06;NaN
        E;muscle_energy; NA ;0,05;8
        F;muscle_energy;-0,41;;8
        G;muscle_energy;-0,10;0,07;
        H;init;-0,45;0,02;NA
        """;

    private readonly TempFiles _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Meta_and_report_pool_the_same_studies_from_the_same_file()
    {
        var file = _temp.Write("studies.csv", Studies);
        var meta = CliRun.Of("meta", file, "--subgroup", "technique", "--format", "json");
        Assert.True(meta.ExitCode == 0, meta.Error);
        var json = meta.Json();
        Assert.Equal([7L, 8L], json["excluded_rows"]!.AsArray().Select(r => (long)r!["row"]!));

        var folder = _temp.PathOf("report");
        var report = CliRun.Of("report", "--demo", "--studies", file, "--out", folder, "--no-prediction");
        Assert.True(report.ExitCode == 0, report.Error);
        var summary = CliRun.ParseCsvBlocks(File.ReadAllText(Path.Combine(folder, "tables", "evidence_summary.csv")))[0];
        var columns = summary[0].ToList();
        var byGroup = summary.Skip(1).ToDictionary(r => r[columns.IndexOf("group")], r => r);

        var subgroups = json["subgroups"]!.AsArray();
        Assert.Equal(subgroups.Count, byGroup.Count);
        foreach (var subgroup in subgroups)
        {
            var row = byGroup[(string)subgroup!["subgroup"]!];
            Assert.Equal((int)subgroup["k"]!, int.Parse(row[columns.IndexOf("k")], CultureInfo.InvariantCulture));
            Assert.Equal((double)subgroup["estimate"]!, double.Parse(row[columns.IndexOf("estimate")], CultureInfo.InvariantCulture), 12);
            Assert.Equal((double)subgroup["ci_low"]!, double.Parse(row[columns.IndexOf("ci_low")], CultureInfo.InvariantCulture), 12);
        }
    }

    [Fact]
    public void Meta_and_report_refuse_a_malformed_quote_with_the_same_located_message()
    {
        var file = _temp.Write("bad.csv", "study,yi,vi\nA,0.5,0.1\n\"B,0.3,0.2\nC,0.1,0.1\nD,0.2,0.1\n");
        var meta = CliRun.Of("meta", file);
        meta.AssertUserError("line 3", "quote");
        var folder = _temp.PathOf("report");
        var report = CliRun.Of("report", "--demo", "--studies", file, "--out", folder, "--no-prediction");
        report.AssertUserError("line 3", "quote");
        Assert.Equal(meta.Error.Trim(), report.Error.Trim());
        Assert.False(Directory.Exists(folder));
    }
}
