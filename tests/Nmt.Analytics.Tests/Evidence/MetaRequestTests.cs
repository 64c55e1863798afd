using Nmt.Analytics.Data;
using Nmt.Analytics.Evidence;

namespace Nmt.Analytics.Tests.Evidence;

/// <summary><see cref="MetaRequest"/>: option parsing, the study-table or demo source, the forest file and what is printed.</summary>
public class MetaRequestTests
{
    private static readonly DataSource Demo = new(null, true);

    [Theory]
    [InlineData(null, PredictionIntervalKind.Normal)]
    [InlineData("normal", PredictionIntervalKind.Normal)]
    [InlineData("Z", PredictionIntervalKind.Normal)]
    [InlineData("riley", PredictionIntervalKind.Riley)]
    [InlineData("RILEY", PredictionIntervalKind.Riley)]
    public void Prediction_interval_names_are_parsed_case_insensitively(string? value, PredictionIntervalKind expected)
    {
        Assert.Equal(expected, MetaRequest.ParsePredictionInterval(value));
    }

    [Fact]
    public void Unknown_interval_and_method_are_user_errors()
    {
        var e = Assert.Throws<NmtInputException>(() => MetaRequest.ParsePredictionInterval("t"));
        Assert.Equal("unknown --pi 't'. Use 'riley' (or leave it out for metafor's default).", e.Message);
        Assert.Throws<NmtInputException>(() => new MetaRequest { Method = "ML2" }.Options());
        Assert.Equal(Tau2Method.DerSimonianLaird, new MetaRequest { Method = "DL", HartungKnapp = true }.Options().Method);
    }

    [Fact]
    public void No_study_table_names_the_study_table()
    {
        var e = Assert.Throws<NmtInputException>(() => new MetaRequest().Run(new DataSource(null, false)));
        Assert.Equal(MetaRequest.NoStudies, e.Message);
    }

    [Fact]
    public void Demo_studies_print_tables_then_the_evidence_summary_and_csv_adds_its_table()
    {
        var output = new MetaRequest { Subgroup = "technique" }.Run(Demo);

        Assert.Equal("Evidence summary", output.TextLines[0]);
        Assert.All(output.TextLines.Skip(1), line => Assert.StartsWith("- ", line, StringComparison.Ordinal));
        Assert.Equal(output.Tables.Count + 1, output.CsvTables!.Count);
        Assert.NotNull(output.ToJson()["subgroups"]);
        Assert.Null(output.Rows);
    }

    [Fact]
    public void Network_synthesis_reports_the_rows_of_the_session_data()
    {
        var output = new MetaRequest { Network = "ischemic_compression" }.Run(Demo);

        Assert.NotNull(output.Rows);
        Assert.Equal(output.Rows.Read, (long)output.ToJson()["n_read"]!);
        Assert.NotNull(output.ToJson()["clinics"]);
    }

    [Fact]
    public void Forest_is_drawn_to_the_path_and_an_existing_file_is_refused_before_the_analysis()
    {
        var folder = Directory.CreateTempSubdirectory("nmt-meta-");
        try
        {
            var path = Path.Combine(folder.FullName, "forest.svg");
            var drawn = new List<string>();
            var output = new MetaRequest { Forest = path }.Run(Demo, (_, target) => { drawn.Add(target); File.WriteAllText(target, "<svg/>"); });
            Assert.Single(drawn);
            Assert.True(File.Exists(path));
            Assert.Equal($"forest plot written to {path}", Assert.Single(output.Messages));

            Assert.Throws<NmtInputException>(() => new MetaRequest { Forest = path }.Run(Demo, (_, target) => drawn.Add(target)));
            Assert.Single(drawn);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
