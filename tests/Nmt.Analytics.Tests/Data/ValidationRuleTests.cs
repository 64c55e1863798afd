using Nmt.Analytics.Data;

namespace Nmt.Analytics.Tests.Data;

/// <summary>One test per rule of the dictionary's "Validation rules" table.</summary>
public class ValidationRuleTests
{
    private const string Header = "client_id,clinic_id,session,day,region,techniques,pain_pre,pain_post";

    private static ValidationReport Check(string text, LoadOptions? options = null) =>
        SessionValidator.Validate(RepoFiles.Text(text), "test.csv", options);

    private static ValidationIssue Only(ValidationReport report, string rule) =>
        Assert.Single(report.Issues, i => i.Rule == rule);

    [Fact]
    public void Out_of_range_pain_names_the_value_and_the_range()
    {
        var issue = Only(Check($"{Header}\nC1,K1,1,0,knee,init,10.5,3\n"), ValidationRules.OutOfRange);
        Assert.Equal((2L, "pain_pre", "10.5", IssueSeverity.Error), (issue.Line!.Value, issue.Column!, issue.Value!, issue.Severity));
        Assert.Contains("10.5 is outside 0..10", issue.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_code_names_the_code_and_the_closest_valid_one()
    {
        var issue = Only(Check($"{Header}\nC1,K1,1,0,knee,muscle_enrgy;init,6,3\n"), ValidationRules.UnknownCode);
        Assert.Equal("muscle_enrgy", issue.Value);
        Assert.Contains("did you mean 'muscle_energy'", issue.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("C1,K1,one,0,knee,init,6,3", "session")]
    [InlineData("C1,K1,1,0.5,knee,init,6,3", "day")]
    [InlineData("C1,K1,1,0,knee,init,six,3", "pain_pre")]
    public void Wrong_types_are_errors(string row, string column)
    {
        var issue = Only(Check($"{Header}\n{row}\n"), ValidationRules.WrongType);
        Assert.Equal(column, issue.Column);
    }

    [Fact]
    public void Missing_values_in_required_key_columns_are_errors_but_optional_values_may_be_missing()
    {
        var report = Check($"{Header},stress,sex\nC1,,1,0,knee,init,6,3,,\n");
        var issue = Only(report, ValidationRules.MissingValue);
        Assert.Equal("clinic_id", issue.Column);
        Assert.Single(report.Issues);
    }

    [Fact]
    public void Pain_pairs_post_without_pre_is_an_error_missing_post_a_warning()
    {
        var report = Check($"{Header}\nC1,K1,1,0,knee,init,,3\nC1,K1,2,7,knee,init,5,\nC1,K1,3,9,knee,init,,\n");
        Assert.Equal(IssueSeverity.Error, Only(report, ValidationRules.PainPostWithoutPre).Severity);
        Assert.Equal(IssueSeverity.Warning, Only(report, ValidationRules.MissingPainPost).Severity);
        Assert.Equal(IssueSeverity.Warning, Only(report, ValidationRules.MissingPain).Severity);
        Assert.Equal(1, report.ExcludedRows);
    }

    [Fact]
    public void Post_measures_without_pre_and_scores_without_instrument()
    {
        var report = Check($"{Header},ppt_pre,ppt_post,disability_instrument,disability_score\nC1,K1,1,0,knee,init,6,3,,4.5,,40\n");
        Assert.Equal(IssueSeverity.Warning, Only(report, ValidationRules.PostWithoutPre).Severity);
        Assert.Equal(IssueSeverity.Error, Only(report, ValidationRules.ScoreWithoutInstrument).Severity);
    }

    [Fact]
    public void Implausible_values_are_warnings_and_keep_the_row()
    {
        var report = Check($"{Header},sleep_hours\nC1,K1,1,0,knee,init,6,3,2\n");
        Assert.Equal(IssueSeverity.Warning, Only(report, ValidationRules.Implausible).Severity);
        Assert.True(report.IsValid);
        Assert.Equal(0, report.ExcludedRows);
    }

    [Fact]
    public void Client_order_rules_duplicates_backwards_days_out_of_order_sessions_and_first_day()
    {
        var report = Check($"{Header}\nC1,K1,1,3,knee,init,6,3\nC1,K1,2,10,knee,init,6,3\nC1,K1,2,12,knee,init,6,3\n" +
                           "C1,K1,3,8,knee,init,6,3\nC2,K1,2,7,knee,init,6,3\nC2,K1,1,0,knee,init,6,3\n");
        Assert.Equal(2, Only(report, ValidationRules.DayNotZero).Line);
        Assert.Equal(4, Only(report, ValidationRules.DuplicateSession).Line);
        Assert.Equal(5, Only(report, ValidationRules.DayBackwards).Line);
        Assert.Equal(7, Only(report, ValidationRules.SessionOrder).Line);
        Assert.Equal(2, report.ExcludedRows);
    }

    [Fact]
    public void Duplicates_beyond_64_sessions_are_caught_too()
    {
        var rows = string.Concat(Enumerable.Range(1, 70).Select(s => $"C1,K1,{s},{s},knee,init,5,4\n"));
        var report = Check($"{Header}\n{rows}C1,K1,70,70,knee,init,5,4\n");
        Assert.Equal(72, Only(report, ValidationRules.DuplicateSession).Line);
    }

    [Fact]
    public void Header_rules_duplicate_empty_similar_and_derived_columns()
    {
        var report = Check($"{Header},pain_change,,stres,region\nC1,K1,1,0,knee,init,6,3,1,x,4,knee\n");
        Assert.Equal("region", Only(report, ValidationRules.DuplicateColumn).Column);
        Assert.Equal(IssueSeverity.Warning, Only(report, ValidationRules.EmptyColumnName).Severity);
        Assert.Contains("did you mean 'stress'", Only(report, ValidationRules.SimilarColumn).Reason, StringComparison.Ordinal);
        Assert.Equal(IssueSeverity.Warning, Only(report, ValidationRules.DerivedColumn).Severity);
        Assert.True(report.IsFatal);
    }

    [Fact]
    public void Issues_are_capped_but_every_issue_is_counted_per_rule()
    {
        var rows = string.Concat(Enumerable.Range(1, 50).Select(s => $"C{s},K1,1,0,knee,init,11,4\n"));
        var report = Check($"{Header}\n{rows}", new LoadOptions { MaxIssues = 5 });
        Assert.Equal(5, report.Issues.Count);
        Assert.Equal(50, report.RuleCounts[ValidationRules.OutOfRange]);
        Assert.Equal(50, report.ErrorCount);
        Assert.True(report.IsTruncated);
        Assert.Equal(50, report.ExcludedRows);
    }

    [Fact]
    public void Summary_counts_rows_clients_and_clinics()
    {
        var report = Check($"{Header}\nC1,K1,1,0,knee,init,6,3\nC1,K1,2,4,knee,init,5,3\nC2,K2,1,0,knee,init,6,3\n");
        Assert.Equal((3L, 2, 2), (report.Rows, report.Clients, report.Clinics));
        Assert.Equal(3, report.SummaryTable()[0, "usable_rows"] is long n ? n : -1);
    }
}
