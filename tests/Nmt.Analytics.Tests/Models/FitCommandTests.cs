using System.Text.Json.Nodes;
using Nmt.Analytics.Cli;
using Nmt.Analytics.Cli.Commands;
using Nmt.Analytics.Tests.Formulas;

namespace Nmt.Analytics.Tests.Models;

/// <summary><c>nmt fit</c>: the fit JSON contract, option handling and exit codes (table injected in-process).</summary>
public class FitCommandTests
{
    private static readonly Nmt.Analytics.Data.ColumnTable Mtcars = ReferenceCsv.Load("Models", "mtcars.csv");

    [Fact]
    public void Ols_json_follows_the_fit_contract()
    {
        var json = FitCommand.Fit(Mtcars, new FitRequest("mpg ~ wt + factor(cyl)")).Json;

        Assert.Equal("ols", (string?)json["model"]);
        Assert.Equal("mpg ~ wt + factor(cyl)", (string?)json["formula"]);
        Assert.Equal(32, (int?)json["n_obs"]);
        var effects = json["fixed_effects"]!.AsArray();
        Assert.Equal(["term", "estimate", "std_error", "statistic", "df", "p_value", "ci_low", "ci_high"], effects[0]!.AsObject().Select(p => p.Key));
        Assert.Equal("factor(cyl)8", (string?)effects[3]!["term"]);
        Assert.Equal(-6.07085968049089, (double)effects[3]!["estimate"]!, 10); // R: coef(lm(mpg ~ wt + factor(cyl), mtcars)), see lm_reference.json
        Assert.Empty(json["excluded_rows"]!.AsArray());
        Assert.Equal(0.837432525296922, (double)json["r_squared"]!, 12);
        Assert.Equal("Classical", (string?)json["covariance"]);
    }

    [Fact]
    public void Cluster_option_gives_CR1_with_G_minus_1_df()
    {
        var json = FitCommand.Fit(Mtcars, new FitRequest("mpg ~ wt + factor(cyl)", Cluster: "carb")).Json;

        Assert.Equal("CR1", (string?)json["covariance"]);
        Assert.Equal(6, (int?)json["n_clusters"]!["carb"]);
        Assert.Equal(5.0, (double)json["fixed_effects"]![0]!["df"]!);
    }

    [Fact]
    public void Excluded_rows_carry_line_and_reason()
    {
        var airquality = ReferenceCsv.Load("Models", "airquality.csv");

        var json = FitCommand.Fit(airquality, new FitRequest("Ozone ~ Solar.R + Wind", Robust: "hc3")).Json;

        var first = json["excluded_rows"]!.AsArray()[0]!;
        Assert.Equal(6, (long)first["row"]!);
        Assert.Equal("missing Ozone", (string?)first["reason"]);
        Assert.Equal("HC3", (string?)json["covariance"]);
    }

    [Fact]
    public void Logit_json_has_odds_ratios_and_convergence()
    {
        var output = FitCommand.Fit(Mtcars, new FitRequest("am ~ wt + hp", Model: "logit"));

        Assert.Equal("logit", (string?)output.Json["model"]);
        Assert.True((bool)output.Json["converged"]!);
        Assert.Null(output.Json["fixed_effects"]![0]!["df"]); // z test
        Assert.Equal(Math.Exp(-8.08347518244463), (double)output.Json["odds_ratios"]![1]!["estimate"]!, 9);
        Assert.Equal(3, output.Tables.Count);
    }

    [Fact]
    public void Lmm_from_a_formula_matches_lme4_on_sleepstudy()
    {
        // Formula parsing -> ModelFrame -> LMM, end to end, against lme4/lmerTest (Models/Lmm/reference/make_fixtures.R).
        var sleepstudy = ReferenceCsv.Load(Path.Combine("Models", "Lmm"), "sleepstudy.csv");
        var expected = JsonNode.Parse(File.ReadAllText(ReferenceCsv.PathOf(Path.Combine("Models", "Lmm"), "expected.json")))!["sleepstudy_reml"]!;

        var output = FitCommand.Fit(sleepstudy, new FitRequest("Reaction ~ Days + (Days | Subject)", Model: "lmm"));

        var fixedEffects = output.Json["fixed_effects"]!.AsArray();
        for (var i = 0; i < 2; i++)
        {
            var want = expected["fixed"]![i]!;
            Assert.Equal(want["term"]!.GetValue<string>(), fixedEffects[i]!["term"]!.GetValue<string>());
            Assert.Equal(want["estimate"]!.GetValue<double>(), fixedEffects[i]!["estimate"]!.GetValue<double>(), 1e-4);
            Assert.Equal(want["std_error"]!.GetValue<double>(), fixedEffects[i]!["std_error"]!.GetValue<double>(), 1e-4);
            Assert.Equal(want["df"]!.GetValue<double>(), fixedEffects[i]!["df"]!.GetValue<double>(), 1e-2);
        }
        Assert.Equal(18, output.Json["n_groups"]!["Subject"]!.GetValue<int>());
        Assert.True(output.Json["reml"]!.GetValue<bool>());
        foreach (var key in new[] { "random_effects", "correlations", "residual_variance", "log_likelihood", "aic", "bic", "converged", "excluded_rows" })
        {
            Assert.NotNull(output.Json[key]);
        }
    }

    [Fact]
    public void Lmm_without_a_random_term_is_refused_clearly()
    {
        var error = Assert.Throws<NmtInputException>(() => FitCommand.Fit(Mtcars, new FitRequest("mpg ~ wt", Model: "lmm")));

        Assert.Contains("random-effects term", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Robust_options_are_refused_for_logit()
    {
        Assert.Throws<NmtInputException>(() => FitCommand.Fit(Mtcars, new FitRequest("am ~ wt", Model: "logit", Robust: "hc1")));
    }

    [Fact]
    public void Command_line_reports_input_errors_with_exit_code_1()
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();

        var code = NmtCli.Run(["fit", "sessions.csv", "--formula", "pain_change ~ stress"], stdout, stderr);

        Assert.Equal(1, code);
        Assert.Contains("error: file not found", stderr.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Command_line_refuses_an_unknown_model()
    {
        var code = NmtCli.Run(["fit", "sessions.csv", "--formula", "y ~ x", "--model", "glmm"], new StringWriter(), new StringWriter());

        Assert.Equal(1, code);
    }

    [Theory]
    [InlineData("json", "\"fixed_effects\"")]
    [InlineData("csv", "term,estimate,std_error,statistic,df,p_value,ci_low,ci_high")]
    [InlineData("table", "Coefficients")]
    public void Whole_command_writes_the_chosen_format(string format, string expected)
    {
        var (code, stdout, stderr) = RunWithTable(Mtcars, "fit", "mtcars.csv", "--formula", "mpg ~ wt * factor(am)", "--cluster", "gear", "--format", format);

        Assert.Equal(0, code);
        Assert.Equal(format == "json" ? "" : "rows: 32 read, 32 used, 0 excluded.\n", stderr); // the row summary beside table output
        Assert.Contains(expected, stdout, StringComparison.Ordinal);
        if (format == "json")
        {
            var json = JsonNode.Parse(stdout)!;
            Assert.Equal("wt:factor(am)1", (string?)json["fixed_effects"]![3]!["term"]);
            Assert.Equal(2.0, (double)json["fixed_effects"]![0]!["df"]!);
        }
    }

    [Fact]
    public void Whole_command_reports_formula_errors_with_exit_code_1()
    {
        var (code, _, stderr) = RunWithTable(Mtcars, "fit", "mtcars.csv", "--formula", "mpg ~ wt +");

        Assert.Equal(1, code);
        Assert.StartsWith("error: formula position 11: expected a variable", stderr, StringComparison.Ordinal);
    }

    private static (int Code, string Stdout, string Stderr) RunWithTable(Nmt.Analytics.Data.ColumnTable table, params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var context = new CliContext(stdout, stderr);
        var root = new System.CommandLine.RootCommand { FitCommand.Create(context, _ => table) };
        var code = root.Parse(args).Invoke(new System.CommandLine.InvocationConfiguration { Output = stdout, Error = stderr });
        return (code, stdout.ToString(), stderr.ToString());
    }

    [Fact]
    public void Table_output_prints_coefficients_and_fit()
    {
        var output = FitCommand.Fit(Mtcars, new FitRequest("mpg ~ wt"));

        var text = string.Join("\n", output.Tables.Select(t => t.ToText()));
        Assert.Contains("(Intercept)", text, StringComparison.Ordinal);
        Assert.Contains("r_squared", text, StringComparison.Ordinal);
        Assert.IsType<JsonArray>(output.Json["notes"]);
    }
}
