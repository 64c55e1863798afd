using System.Text.Json;
using Nmt.Analytics.Tests.Evidence;

namespace Nmt.Analytics.Tests.Cli;

/// <summary><c>nmt meta</c>: the JSON contract, exit codes and messages.</summary>
public class MetaCommandTests
{
    private static readonly string[] ContractKeys =
        ["measure", "method", "k", "estimate", "std_error", "ci_low", "ci_high", "p_value", "tau2", "i2", "q", "q_p", "pi_low", "pi_high", "studies"];

    private static (int Code, string Out, string Error) Run(params string[] args)
    {
        var run = CliRun.Of(args);
        return (run.ExitCode, run.Out, run.Error);
    }

    [Fact]
    public void Json_has_exactly_the_contract_keys_and_metafor_values()
    {
        var (code, output, _) = Run("meta", Reference.PathOf("normand1999.csv"), "--measure", "MD", "--method", "DL", "--format", "json");
        Assert.Equal(0, code);
        var json = JsonDocument.Parse(output).RootElement;
        Assert.Equal(ContractKeys, json.EnumerateObject().Select(p => p.Name));
        var expected = Reference.Find("cases", "normand1999 MD DL");
        Reference.Close(Reference.Number(expected, "estimate"), json.GetProperty("estimate").GetDouble(), "estimate");
        Reference.Close(Reference.Number(expected, "pi_lb"), json.GetProperty("pi_low").GetDouble(), "pi_low");
        Assert.Equal(["study", "yi", "vi", "weight"], json.GetProperty("studies")[0].EnumerateObject().Select(p => p.Name));
    }

    [Fact]
    public void Ratio_json_adds_back_transformed_keys_and_hk_riley_options_apply()
    {
        var (code, output, _) = Run("meta", Reference.PathOf("bcg.csv"), "--measure", "RR", "--hk", "--pi", "riley", "--format", "json");
        Assert.Equal(0, code);
        var json = JsonDocument.Parse(output).RootElement;
        var expected = Reference.Find("cases", "bcg RR REML HK");
        Reference.Close(Reference.Number(expected, "ci_lb"), json.GetProperty("ci_low").GetDouble(), "ci_low (HK)");
        Reference.Close(Reference.Number(expected, "pi_riley_lb"), json.GetProperty("pi_low").GetDouble(), "pi_low (riley)");
        Reference.Close(Math.Exp(Reference.Number(expected, "estimate")), json.GetProperty("exp_estimate").GetDouble(), "exp_estimate");
        Assert.True(json.TryGetProperty("exp_pi_high", out _));
        Assert.True(json.GetProperty("studies")[0].TryGetProperty("exp_yi", out _));
    }

    [Fact]
    public void Demo_with_subgroup_moderator_and_leave_one_out_prints_tables_and_sentences()
    {
        var (code, output, _) = Run("meta", "--demo", "--subgroup", "technique", "--moderator", "follow_up_weeks", "--leave-one-out");
        Assert.Equal(0, code);
        Assert.Contains("Subgroups by technique", output, StringComparison.Ordinal);
        Assert.Contains("Meta-regression on follow_up_weeks", output, StringComparison.Ordinal);
        Assert.Contains("Leave-one-out", output, StringComparison.Ordinal);
        Assert.Contains("- ischemic_compression: across 4 studies", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Json_reports_excluded_rows_and_zero_cell_notes()
    {
        var file = Path.GetTempFileName();
        try
        {
            File.WriteAllText(file, "study,ai,bi,ci,di\nA,0,40,4,36\nB,3,47,6,44\nC,,48,5,45\nD,2,48,7,43\n");
            var (code, output, _) = Run("meta", file, "--measure", "OR", "--format", "json");
            Assert.Equal(0, code);
            var json = JsonDocument.Parse(output).RootElement;
            Assert.Equal(3, json.GetProperty("k").GetInt32());
            var excluded = Assert.Single(json.GetProperty("excluded_rows").EnumerateArray());
            Assert.Equal(4, excluded.GetProperty("row").GetInt32());
            Assert.Equal("missing ai", excluded.GetProperty("reason").GetString());
            Assert.Contains("zero cell", json.GetProperty("notes")[0].GetString(), StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void Csv_output_is_tidy_tables()
    {
        var (code, output, _) = Run("meta", "--demo", "--format", "csv");
        Assert.Equal(0, code);
        Assert.StartsWith("term,estimate,std_error", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Bad_input_exits_1_with_a_located_message()
    {
        var file = Path.GetTempFileName();
        try
        {
            File.WriteAllText(file, "study,m1,sd1,n1,m2,sd2,n2\nA,3,1,20,4,1,20\nB,3,-1,20,4,1,20\n");
            var (code, _, error) = Run("meta", file, "--measure", "SMD");
            Assert.Equal(1, code);
            Assert.Contains("line 3, column 'sd1'", error, StringComparison.Ordinal);
            Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void No_data_and_unknown_options_exit_1()
    {
        Assert.Equal(1, Run("meta").Code);
        Assert.Contains("PM", Run("meta", "--demo", "--method", "XX").Error, StringComparison.Ordinal);
        Assert.Equal(1, Run("meta", "--demo", "--pi", "wide").Code);
        Assert.Equal(1, Run("meta", "--demo", "--subgroup", "techniqe").Code);
    }

    [Fact]
    public void Forest_option_writes_the_chart()
    {
        var file = Path.Combine(Path.GetTempPath(), $"forest-{Guid.NewGuid():N}.svg");
        try
        {
            Assert.Equal(0, Run("meta", "--demo", "--forest", file, "--format", "json").Code);
            Assert.True(new FileInfo(file).Length > 1000);
        }
        finally
        {
            File.Delete(file);
        }
    }
}
