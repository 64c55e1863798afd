using Nmt.Analytics.Data;
using Nmt.Analytics.Formulas;

namespace Nmt.Analytics.Tests.Formulas;

/// <summary>Model frames on NMT session data: techniques, derived outcomes, reference levels and clear errors.</summary>
public class SessionFrameTests
{
    private static ColumnTable Sessions() => new(
    [
        new TextColumn("client_id", ["c1", "c1", "c2", "c2", "c3", "c3"]),
        new NumericColumn("session", [1, 2, 1, 2, 1, 2]),
        new TextColumn("region", ["lumbar", "cervical", "lumbar", "thoracic", null, "cervical"]),
        new CodeSetColumn("techniques", [["muscle_energy"], ["muscle_energy", "positional_release"], [], ["ischemic_compression"], ["positional_release"], null]),
        new NumericColumn("pain_pre", [7, 6, 8, 5, 6, 4]),
        new NumericColumn("pain_post", [5, 5, 6, 5, 3, 2]),
        new NumericColumn("stress", [3, 4, double.NaN, 2, 5, 6]),
    ]);

    [Fact]
    public void Pain_change_is_derived_from_pre_and_post()
    {
        var frame = ModelFrameBuilder.Build("pain_change ~ session", Sessions());

        Assert.Equal([-2, -1, -2, 0, -3, -2], frame.Y.ToArray());
        Assert.Equal("pain_change", frame.ResponseName);
    }

    [Fact]
    public void Technique_indicator_is_a_numeric_column()
    {
        var frame = ModelFrameBuilder.Build("pain_change ~ tech_muscle_energy", Sessions());

        Assert.Equal(["(Intercept)", "tech_muscle_energy"], frame.FixedNames);
        Assert.Equal([1, 1, 0, 0, 0], frame.X.Column(1).ToArray());
        Assert.Equal(new RowExclusion(7, "missing techniques"), Assert.Single(frame.Exclusions));
    }

    [Fact]
    public void Techniques_expands_to_one_indicator_per_code_without_reference()
    {
        var frame = ModelFrameBuilder.Build("pain_change ~ techniques", Sessions());

        Assert.Equal(["(Intercept)", "tech_ischemic_compression", "tech_muscle_energy", "tech_positional_release"], frame.FixedNames);
        Assert.Equal([0, 1, 0, 0, 1], frame.X.Column(3).ToArray());
    }

    [Fact]
    public void Techniques_interact_like_a_numeric_matrix()
    {
        var frame = ModelFrameBuilder.Build("pain_change ~ session:techniques", Sessions());

        Assert.Equal(["(Intercept)", "session:tech_ischemic_compression", "session:tech_muscle_energy", "session:tech_positional_release"], frame.FixedNames);
        Assert.Equal([0, 2, 0, 0, 1], frame.X.Column(3).ToArray());
    }

    [Fact]
    public void Exclusions_name_the_first_missing_model_variable_and_source_line()
    {
        var frame = ModelFrameBuilder.Build("pain_change ~ stress + region", Sessions());

        Assert.Equal([new RowExclusion(4, "missing stress"), new RowExclusion(6, "missing region")], frame.Exclusions);
        Assert.Equal([0, 1, 3, 5], frame.UsedRows);
    }

    [Fact]
    public void Reference_level_can_be_set_in_the_formula_or_the_options()
    {
        var inFormula = ModelFrameBuilder.Build("pain_change ~ C(region, ref = \"lumbar\")", Sessions());
        var inOptions = ModelFrameBuilder.Build("pain_change ~ region", Sessions(),
            new ModelFrameOptions { ReferenceLevels = new Dictionary<string, string> { ["region"] = "lumbar" } });
        var relevel = ModelFrameBuilder.Build("pain_change ~ relevel(region, ref = \"lumbar\")", Sessions());

        Assert.Equal(["(Intercept)", "regioncervical", "regionthoracic"], inFormula.FixedNames);
        Assert.Equal(inFormula.FixedNames, inOptions.FixedNames);
        Assert.Equal(inFormula.X, inOptions.X);
        Assert.Equal("relevel(region, ref = \"lumbar\")cervical", relevel.FixedNames[1]);
    }

    [Fact]
    public void Default_reference_is_the_first_level_in_ordinal_order()
    {
        var frame = ModelFrameBuilder.Build("pain_change ~ region", Sessions());

        Assert.Equal(["(Intercept)", "regionlumbar", "regionthoracic"], frame.FixedNames);
    }

    [Fact]
    public void Unknown_column_suggests_the_closest_name()
    {
        var error = Assert.Throws<NmtInputException>(() => ModelFrameBuilder.Build("pain_change ~ stres", Sessions()));

        Assert.StartsWith("formula position 15: unknown column 'stres'. Did you mean 'stress'?", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_technique_suggests_the_closest_code()
    {
        var error = Assert.Throws<NmtInputException>(() => ModelFrameBuilder.Build("pain_change ~ tech_muscle_enrgy", Sessions()));

        Assert.Contains("Did you mean 'tech_muscle_energy'?", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Log_of_a_text_column_is_a_type_error_with_position()
    {
        var error = Assert.Throws<NmtInputException>(() => ModelFrameBuilder.Build("pain_change ~ log(region)", Sessions()));

        Assert.StartsWith("formula position 19: log(region): column 'region' is not numeric", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_function_is_named()
    {
        var error = Assert.Throws<NmtInputException>(() => ModelFrameBuilder.Build("pain_change ~ ns(stress)", Sessions()));

        Assert.Contains("unknown function 'ns'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Dot_shorthand_is_refused_clearly()
    {
        var error = Assert.Throws<NmtInputException>(() => ModelFrameBuilder.Build("pain_change ~ .", Sessions()));

        Assert.Contains("'.' (all other columns) is not supported", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Intercept_free_empty_model_has_no_columns_and_OLS_refuses_it()
    {
        var frame = ModelFrameBuilder.Build("pain_change ~ 0", Sessions());

        Assert.Equal(0, frame.X.ColumnCount);
        var error = Assert.Throws<NmtInputException>(() => Analytics.Models.OlsModel.Fit(frame));
        Assert.Contains("no coefficients", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Categorical_response_is_refused_by_OLS()
    {
        var table = Sessions();
        table.Add(new TextColumn("improved", ["yes", "no", "yes", "no", "yes", "yes"]));
        var frame = ModelFrameBuilder.Build("improved ~ session", table);

        Assert.Equal(["no", "yes"], frame.ResponseLevels);
        Assert.Equal([1, 0, 1, 0, 1, 1], frame.Y.ToArray());
        Assert.Throws<NmtInputException>(() => Analytics.Models.OlsModel.Fit(frame));
    }

    [Fact]
    public void Missing_response_is_refused()
    {
        var error = Assert.Throws<NmtInputException>(() => ModelFrameBuilder.Build("~ stress", Sessions()));

        Assert.Contains("has no response", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Reference_level_absent_from_the_data_is_refused()
    {
        var error = Assert.Throws<NmtInputException>(() => ModelFrameBuilder.Build("pain_change ~ C(region, ref = \"knee\")", Sessions()));

        Assert.Contains("reference level 'knee' does not occur", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Single_level_factor_is_refused()
    {
        var table = Sessions().Take([0, 2]);

        var error = Assert.Throws<NmtInputException>(() => ModelFrameBuilder.Build("pain_change ~ region", table));

        Assert.Contains("only one level (lumbar)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Nested_grouping_builds_an_outer_and_an_inner_block()
    {
        var table = Sessions();
        table.Add(new TextColumn("clinic_id", ["k1", "k1", "k1", "k1", "k2", "k2"]));

        var frame = ModelFrameBuilder.Build("pain_change ~ session + (1 | clinic_id/client_id)", table);

        Assert.Equal(["clinic_id", "clinic_id:client_id"], frame.RandomBlocks.Select(b => b.Group));
        Assert.Equal(["k1:c1", "k1:c2", "k2:c3"], frame.RandomBlocks[1].Levels);
        Assert.Equal([0, 0, 1, 1, 2, 2], frame.RandomBlocks[1].GroupIndex);
    }

    [Fact]
    public void Non_finite_transform_excludes_the_row_with_a_reason()
    {
        var frame = ModelFrameBuilder.Build("pain_change ~ log(pain_post - 2)", Sessions());

        Assert.Equal(5, frame.Count);
        Assert.Equal(new RowExclusion(7, "log(pain_post - 2) is not finite"), Assert.Single(frame.Exclusions));
    }
}
