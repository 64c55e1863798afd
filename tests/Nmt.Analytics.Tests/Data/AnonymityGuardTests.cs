using Nmt.Analytics.Data;

namespace Nmt.Analytics.Tests.Data;

public class AnonymityGuardTests
{
    [Theory]
    [InlineData("name")]
    [InlineData("First Name")]
    [InlineData("first_name")]
    [InlineData("FirstName")]
    [InlineData("SURNAME")]
    [InlineData("e-mail")]
    [InlineData("Email_Address")]
    [InlineData("phone")]
    [InlineData("mobile")]
    [InlineData("address")]
    [InlineData("street")]
    [InlineData("post-code")]
    [InlineData("zip")]
    [InlineData("DOB")]
    [InlineData("birth_date")]
    [InlineData("date")]
    [InlineData("visit_date")]
    [InlineData("ssn")]
    [InlineData("NHS number")]
    public void Identifying_column_names_are_refused(string name) =>
        Assert.True(AnonymityGuard.IsDirectIdentifierName(name));

    [Theory]
    [InlineData("client_id")]
    [InlineData("day")]
    [InlineData("age_band")]
    [InlineData("session")]
    [InlineData("therapist_id")]
    [InlineData("update_count")]
    public void Ordinary_column_names_pass(string name) =>
        Assert.False(AnonymityGuard.IsDirectIdentifierName(name));

    [Theory]
    [InlineData("anna.smith@example.com", IdentifierKind.Email)]
    [InlineData("mail me: jo@clinic.co.uk", IdentifierKind.Email)]
    [InlineData("+44 20 7946 0958", IdentifierKind.Phone)]
    [InlineData("07700 900123", IdentifierKind.Phone)]
    [InlineData("(555) 123-4567", IdentifierKind.Phone)]
    [InlineData("2024-03-01", IdentifierKind.CalendarDate)]
    [InlineData("01/03/2024", IdentifierKind.CalendarDate)]
    [InlineData("1.3.24", IdentifierKind.CalendarDate)]
    [InlineData("seen on 2024-03-01 at noon", IdentifierKind.CalendarDate)]
    public void Identifying_values_are_recognised(string value, IdentifierKind kind) =>
        Assert.Equal(kind, AnonymityGuard.Classify(value));

    [Theory]
    [InlineData("C000123")]
    [InlineData("30-39")]
    [InlineData("1.5")]
    [InlineData("123456789")]
    [InlineData("ischemic_compression;muscle_energy")]
    [InlineData("felt better after session 3")]
    [InlineData("45/13/2024")]
    public void Ordinary_values_pass(string value) =>
        Assert.Equal(IdentifierKind.None, AnonymityGuard.Classify(value));

    [Fact]
    public void Identifiers_in_any_column_are_reported_with_column_and_line_but_never_the_value()
    {
        var report = SessionValidator.Validate(RepoFiles.Example("email-in-text.csv"));
        Assert.Equal(3, report.Anonymity.DirectIdentifierCount);
        Assert.Equal([("notes", 3L, IdentifierKind.Email), ("notes", 4L, IdentifierKind.Phone), ("notes", 5L, IdentifierKind.CalendarDate)],
            report.Anonymity.DirectIdentifiers.Select(f => (f.Column, f.Line, f.Kind)));
        Assert.All(report.Issues, i => Assert.Null(i.Value));
    }

    [Fact]
    public void Client_ids_that_look_like_phone_numbers_are_refused()
    {
        var report = SessionValidator.Validate(RepoFiles.Text(
            "client_id,clinic_id,session,day,region,techniques,pain_pre,pain_post\n07700 900123,K1,1,0,knee,init,5,4\n"), "t");
        Assert.Equal("client_id", Assert.Single(report.Anonymity.DirectIdentifiers).Column);
    }

    [Fact]
    public void Phone_numbers_in_number_columns_are_refused_not_echoed_as_out_of_range()
    {
        var report = SessionValidator.Validate(RepoFiles.Text(
            "client_id,clinic_id,session,day,region,techniques,pain_pre,pain_post,stress\nC1,K1,1,0,knee,init,5,4,07700900123\n"), "t");
        var issue = Assert.Single(report.Issues);
        Assert.Equal((ValidationRules.DirectIdentifierValue, "stress", (string?)null), (issue.Rule, issue.Column!, issue.Value));
    }

    [Fact]
    public void K_anonymity_is_computed_per_client_over_the_quasi_identifiers()
    {
        var rows = new List<string> { "client_id,clinic_id,session,day,region,techniques,pain_pre,pain_post,age_band,sex" };
        // Six women 40-49 in K1 (one group of 6, each with 2 sessions) and one man 80+ in K2 (a group of 1).
        for (var c = 1; c <= 6; c++)
        {
            rows.Add($"C{c},K1,1,0,knee,init,6,4,40-49,F");
            rows.Add($"C{c},K1,2,7,knee,init,5,3,40-49,F");
        }
        rows.Add("C7,K2,1,0,knee,init,6,4,80+,M");
        var anonymity = SessionValidator.Validate(RepoFiles.Text(string.Join('\n', rows)), "t").Anonymity;
        Assert.Equal(["age_band", "sex", "clinic_id", "region"], anonymity.QuasiIdentifiers);
        Assert.Equal((7, 2, 1, 1, 1), (anonymity.Clients, anonymity.Groups, anonymity.K, anonymity.ClientsBelowThreshold, anonymity.GroupsBelowThreshold));
        var smallest = anonymity.SmallestGroups[0];
        Assert.Equal(1, smallest.Clients);
        Assert.Equal("80+", smallest.Values["age_band"]);
        Assert.Equal(6, anonymity.SmallestGroups[1].Clients);
        Assert.DoesNotContain(anonymity.SmallestGroupsTable().Columns, c => c == "client_id");
    }
}
