using System.Text.Json.Nodes;

namespace Nmt.Analytics.Tests.Cli;

/// <summary>End-to-end <c>nmt</c> runs with the bundled demo data: exit 0 and the JSON/CSV contracts of docs/cli.md.</summary>
public class CliContractTests
{
    private static readonly string[] TermKeys = ["term", "estimate", "std_error", "statistic", "df", "p_value", "ci_low", "ci_high"];

    private static void AssertKeys(JsonNode? node, params string[] expected) =>
        Assert.Equal(expected, node!.AsObject().Select(p => p.Key));

    [Fact]
    public void Help_lists_every_command()
    {
        var run = CliRun.Of("--help");

        Assert.Equal(0, run.ExitCode);
        foreach (var command in new[] { "validate", "simulate", "describe", "fit", "meta", "notebook" })
        {
            Assert.Matches($"(?m)^\\s+{command}\\b", run.Out);
        }
    }

    [Fact]
    public void Validate_demo_json_has_summary_rules_anonymity_and_issues()
    {
        var run = CliRun.Of("validate", "--demo", "--format", "json");

        Assert.Equal(0, run.ExitCode);
        var json = run.Json();
        AssertKeys(json, "summary", "rules", "anonymity", "smallest_groups", "issues");
        AssertKeys(json["summary"], "source", "rows", "usable_rows", "excluded_rows", "clients", "clinics", "sessions_per_client",
            "errors", "warnings", "valid", "delimiter", "decimal_comma", "bom", "crlf");
        Assert.True((bool)json["summary"]!["valid"]!);
        Assert.Equal(600, (int)json["summary"]!["clients"]!);
        AssertKeys(json["anonymity"], "quasi_identifiers", "clients", "groups", "k", "threshold", "clients_below_threshold",
            "groups_below_threshold", "direct_identifiers");
        Assert.All(json["rules"]!.AsArray(), r => AssertKeys(r, "rule", "issues", "excluded_rows"));
        Assert.All(json["issues"]!.AsArray(), i => AssertKeys(i, "line", "column", "value", "rule", "severity", "reason"));
    }

    [Fact]
    public void Describe_demo_json_has_pain_change_episodes_and_effect_sizes()
    {
        var run = CliRun.Of("describe", "--demo", "--format", "json");

        Assert.Equal(0, run.ExitCode);
        var json = run.Json();
        AssertKeys(json, "pain_change", "episodes", "effect_sizes", "n_read", "n_used", "excluded_rows");
        var overall = json["pain_change"]!.AsArray()[0]!;
        Assert.Equal("overall", (string?)overall["group"]);
        Assert.Equal(4181, (int)overall["n_sessions"]!);
        Assert.Contains(json["episodes"]!.AsArray(), e => (string?)e!["outcome"] == "responder_rate");
    }

    [Fact]
    public void Fit_ols_demo_json_follows_the_fit_contract_and_loses_no_row()
    {
        var run = CliRun.Of("fit", "--demo", "--formula", "pain_change ~ stress + hydration + region", "--cluster", "client_id", "--format", "json");

        Assert.Equal(0, run.ExitCode);
        var json = run.Json();
        var keys = json.Select(p => p.Key).ToList();
        Assert.Equal(["model", "formula", "n_obs", "fixed_effects", "excluded_rows"], keys.Take(5));
        Assert.Subset(keys.ToHashSet(), new HashSet<string> { "residual_variance", "log_likelihood", "aic", "bic" });
        Assert.DoesNotContain("random_effects", keys); // random-effects parts only for lmm
        Assert.Equal("ols", (string?)json["model"]);
        Assert.Equal("pain_change ~ stress + hydration + region", (string?)json["formula"]);
        var effects = json["fixed_effects"]!.AsArray();
        Assert.Equal(13, effects.Count); // intercept, stress, hydration, 10 region contrasts
        Assert.All(effects, e => AssertKeys(e, TermKeys));
        Assert.Equal("(Intercept)", (string?)effects[0]!["term"]);
        var excluded = json["excluded_rows"]!.AsArray();
        Assert.All(excluded, e => AssertKeys(e, "row", "reason"));
        Assert.Equal(4181, (int)json["n_obs"]! + excluded.Count); // every demo row is either used or reported
    }

    [Fact]
    public void Fit_logit_demo_json_has_z_tests_and_convergence()
    {
        var run = CliRun.Of("fit", "--demo", "--formula", "adverse_event ~ stress", "--model", "logit", "--format", "json");

        Assert.Equal(0, run.ExitCode);
        var json = run.Json();
        Assert.Equal(["model", "formula", "n_obs", "fixed_effects", "excluded_rows"], json.Select(p => p.Key).Take(5));
        Assert.Equal("logit", (string?)json["model"]);
        Assert.True((bool)json["converged"]!);
        Assert.All(json["fixed_effects"]!.AsArray(), e => AssertKeys(e, TermKeys));
    }

    [Fact]
    public void Meta_demo_json_has_exactly_the_meta_contract_keys()
    {
        var run = CliRun.Of("meta", "--demo", "--format", "json");

        Assert.Equal(0, run.ExitCode);
        var json = run.Json();
        AssertKeys(json, "measure", "method", "k", "estimate", "std_error", "ci_low", "ci_high", "p_value", "tau2", "i2", "q", "q_p",
            "pi_low", "pi_high", "studies");
        Assert.Equal("REML", (string?)json["method"]);
        var studies = json["studies"]!.AsArray();
        Assert.Equal((int)json["k"]!, studies.Count);
        Assert.All(studies, s => AssertKeys(s, "study", "yi", "vi", "weight"));
        Assert.True((double)json["ci_low"]! < (double)json["estimate"]! && (double)json["estimate"]! < (double)json["ci_high"]!);
    }

    [Fact]
    public void Fit_reads_a_plain_tidy_csv_that_is_not_session_data_and_says_so()
    {
        var sleepstudy = Path.Combine(AppContext.BaseDirectory, "Models", "Lmm", "reference", "sleepstudy.csv");

        var run = CliRun.Of("fit", sleepstudy, "--model", "lmm", "--formula", "Reaction ~ Days + (Days | Subject)", "--format", "json");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("not a session dataset", run.Error, StringComparison.Ordinal);
        Assert.Equal(180, (int)run.Json()["n_obs"]!);
        Assert.Equal(10.467, (double)run.Json()["fixed_effects"]![1]!["estimate"]!, 3); // lme4: 10.46729
    }

    [Fact]
    public void Meta_network_pools_clinic_contrasts_from_session_data_and_leaves_small_clinics_out()
    {
        var run = CliRun.Of("meta", "--demo", "--network", "muscle_energy", "--format", "json");

        Assert.Equal(0, run.ExitCode);
        var json = run.Json();
        Assert.Equal("MD", (string?)json["measure"]);
        var clinics = json["clinics"]!.AsArray().Select(c => (string)c!["clinic_id"]!).ToList();
        Assert.Equal(11, (int)json["k"]!);
        Assert.Equal(clinics.Count, json["studies"]!.AsArray().Count);
        Assert.DoesNotContain("C12", clinics); // 8 clients in all: below the 11-client minimum
        Assert.Contains(json["clinics_notes"]!.AsArray(), n => ((string)n!).Contains("C12", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("validate", "--demo")]
    [InlineData("describe", "--demo")]
    [InlineData("fit", "--demo", "--formula", "pain_change ~ stress + region")]
    [InlineData("fit", "--demo", "--formula", "adverse_event ~ stress", "--model", "logit")]
    [InlineData("meta", "--demo")]
    public void Csv_output_parses_as_csv(params string[] args)
    {
        var blocks = CliRun.Of([.. args, "--format", "csv"]).AssertCsv();

        Assert.All(blocks, b => Assert.True(b.Count >= 2, $"table '{string.Join(",", b[0])}' has no rows"));
    }

    [Fact]
    public void Fit_csv_coefficients_match_the_json_estimates()
    {
        var json = CliRun.Of("fit", "--demo", "--formula", "pain_change ~ stress", "--format", "json").Json();
        var csv = CliRun.Of("fit", "--demo", "--formula", "pain_change ~ stress", "--format", "csv").AssertCsv()[0];

        Assert.Equal(TermKeys, csv[0]);
        var stress = csv.Single(r => r[0] == "stress");
        var fromJson = (double)json["fixed_effects"]!.AsArray().Single(e => (string?)e!["term"] == "stress")!["estimate"]!;
        Assert.Equal(fromJson, double.Parse(stress[1], System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void Simulate_writes_data_that_validates_and_a_truth_that_loads()
    {
        using var temp = new TempFiles();
        var data = temp.PathOf("sim.csv");
        var truth = temp.PathOf("truth.json");

        var run = CliRun.Of("simulate", "--clients", "40", "--clinics", "4", "--seed", "3", "--out", data, "--truth", truth, "--format", "json");

        Assert.Equal(0, run.ExitCode);
        var summary = run.Json()["simulation"]!.AsArray()[0]!;
        AssertKeys(summary, "file", "rows", "clients", "clinics", "seed");
        Assert.Equal(40, (int)summary["clients"]!);
        var validation = CliRun.Of("validate", data, "--format", "json");
        Assert.Equal(0, validation.ExitCode);
        Assert.Equal((int)summary["rows"]!, (int)validation.Json()["summary"]!["rows"]!);
        Assert.Equal(-0.6, Nmt.Analytics.Synthetic.GroundTruth.Load(truth).Effect("pain_change", "tech_muscle_energy"));
    }
}
