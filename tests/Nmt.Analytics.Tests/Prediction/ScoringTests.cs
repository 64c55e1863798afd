using Nmt.Analytics.Data;
using Nmt.Analytics.Prediction;

namespace Nmt.Analytics.Tests.Prediction;

public class ScoringTests
{
    private static readonly PredictionOptions Options = new() { Trees = 20, Seed = 1, Features = PainChangeFixture.Features };

    [Fact]
    public void A_saved_model_loads_and_scores_identically()
    {
        var sessions = TestSessions.Generate(60, 6);
        var model = PredictiveModel.Train(sessions, Options);
        var path = Path.Combine(Path.GetTempPath(), $"nmt-predict-{Guid.NewGuid():N}.zip");
        try
        {
            model.Save(path);
            var loaded = PredictiveModel.Load(path);
            Assert.Equal(model.SlotNames, loaded.SlotNames);
            Assert.Equal(PredictionTarget.PainChange, loaded.Options.Target);
            var fresh = TestSessions.Generate(10, 99);
            Assert.Equal(model.Score(fresh).NumericColumn("predicted_pain_change"), loaded.Score(fresh).NumericColumn("predicted_pain_change"));
            Assert.Equal(fresh.RowCount, loaded.Score(fresh).Rows.Count);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void An_unseen_category_names_line_column_and_value_unless_allowed()
    {
        var model = PredictiveModel.Train(TestSessions.Generate(40, 6), Options);
        var fresh = TestSessions.Generate(5, 7);
        var regions = fresh.Text("region").Values.ToArray();
        regions[3] = "knee";
        fresh.Add(new TextColumn("region", regions));
        var e = Assert.Throws<NmtInputException>(() => model.Score(fresh));
        Assert.Contains("line 5, column 'region'", e.Message, StringComparison.Ordinal);
        Assert.Contains("'knee'", e.Message, StringComparison.Ordinal);
        var scored = model.Score(fresh, allowUnknownCategories: true);
        Assert.Equal(fresh.RowCount, scored.Rows.Count);
        Assert.Contains(scored.Notes, n => n.StartsWith("1 value(s) not seen", StringComparison.Ordinal));
    }

    [Fact]
    public void Input_schema_is_checked_against_the_model()
    {
        var model = PredictiveModel.Train(TestSessions.Generate(40, 6), Options);
        var fresh = TestSessions.Generate(5, 7);
        var noStress = new ColumnTable(fresh.Columns.Where(c => c.Name != "stress"));
        Assert.Contains("needs column 'stress'", Assert.Throws<NmtInputException>(() => model.Score(noStress)).Message, StringComparison.Ordinal);
        fresh.Add(new TextColumn("stress", new string?[fresh.RowCount]));
        Assert.Contains("trained with 'stress' as a numeric column", Assert.Throws<NmtInputException>(() => model.Score(fresh)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Responder_model_scores_one_probability_per_client_without_pain_post()
    {
        var options = new PredictionOptions { Target = PredictionTarget.Responder, Trees = 20, MinRowsPerLeaf = 5, Seed = 2 };
        var model = PredictiveModel.Train(TestSessions.Generate(80, 8), options);
        var fresh = TestSessions.Generate(7, 9);
        var scored = model.Score(new ColumnTable(fresh.Columns.Where(c => c.Name != "pain_post")));
        Assert.Equal(7, scored.Rows.Count);
        Assert.All(scored.NumericColumn("probability_responder"), p => Assert.InRange(p, 0, 1));
    }

    [Fact]
    public void Outcome_and_identifier_columns_cannot_be_predictors()
    {
        var e = Assert.Throws<NmtInputException>(() => PredictiveModel.Train(TestSessions.Generate(20, 1), Options with { Features = ["stress", "pain_post"] }));
        Assert.Contains("'pain_post' cannot be a predictor", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Loading_a_file_that_is_not_a_model_is_an_input_error()
    {
        var path = Path.Combine(Path.GetTempPath(), $"nmt-notmodel-{Guid.NewGuid():N}.zip");
        File.WriteAllText(path, "not a zip");
        try
        {
            Assert.Throws<NmtInputException>(() => PredictiveModel.Load(path));
        }
        finally
        {
            File.Delete(path);
        }
    }
}
