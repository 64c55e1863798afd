using Nmt.Analytics.Data;

namespace Nmt.Analytics.Tests.Data;

/// <summary>The one way in: path, stream or demo; CSV or Parquet; session data or plain table; malformed CSV located.</summary>
public sealed class DataLoaderTests
{
    [Fact]
    public void Unterminated_quote_is_an_error_naming_its_line_not_a_silent_stop()
    {
        // Issue 12: awk 'NR==11{$0="\""$0}1' sim.csv > unterm.csv made validate report 10 rows and fit run on 9.
        var csv = SimulatedCsv.ReplaceLine(SimulatedCsv.Issue12, 11, l => "\"" + l);

        var e = Assert.Throws<NmtInputException>(() => DataLoader.Load(SimulatedCsv.Stream(csv), "unterm.csv"));
        Assert.Contains("line 11", e.Message, StringComparison.Ordinal);
        Assert.Contains("never closed", e.Message, StringComparison.Ordinal);
        Assert.Throws<NmtInputException>(() => SessionValidator.Validate(SimulatedCsv.Stream(csv), "unterm.csv"));
    }

    [Fact]
    public void Quote_closed_lines_later_is_an_error_naming_where_it_opened()
    {
        var csv = SimulatedCsv.ReplaceLine(SimulatedCsv.ReplaceLine(SimulatedCsv.Issue12, 11, l => "\"" + l), 20, l => l + "\"");

        var e = Assert.Throws<NmtInputException>(() => DataLoader.Load(SimulatedCsv.Stream(csv), "x.csv"));
        Assert.Contains("line 11", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Ragged_row_is_excluded_and_listed_with_its_line()
    {
        var csv = SimulatedCsv.ReplaceLine(SimulatedCsv.Issue12, 30, l => l + ",extra");

        var loaded = DataLoader.Load(SimulatedCsv.Stream(csv), "ragged.csv");
        var rows = loaded.Account();
        Assert.Equal(1260, rows.Read);
        Assert.Equal(30, Assert.Single(rows.Excluded).Line);
        Assert.Contains("ragged_row", rows.Excluded[0].Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void An_error_after_the_warning_cap_is_still_located()
    {
        // Issue 12: with more than 200 warnings first, a later error was "1 error(s)" with no line.
        var lines = SimulatedCsv.Issue12.Split('\n');
        for (var i = 1; i <= 300; i++)
        {
            lines[i] = SimulatedCsv.SetField(lines[i], 8, ""); // empty pain_post: a warning
        }
        lines[1000] = SimulatedCsv.SetField(lines[1000], 7, "11");
        var report = SessionValidator.Validate(SimulatedCsv.Stream(string.Join('\n', lines)), "late.csv");

        Assert.True(report.WarningCount > 200);
        var error = Assert.Single(report.Errors);
        Assert.Equal(1001, error.Line);
        Assert.Equal("pain_pre", error.Column);
    }

    [Fact]
    public void Every_row_holding_an_email_is_reported_by_line_and_column_never_by_value()
    {
        // Issue 12: a client_id that is an e-mail was echoed ("of client 'bob@x.org'") and only its first row flagged.
        var lines = SimulatedCsv.Issue12.Split('\n');
        var first = lines[1].Split(',')[0];
        var rows = Enumerable.Range(1, lines.Length - 1).Where(i => lines[i].StartsWith(first + ",", StringComparison.Ordinal)).ToList();
        foreach (var i in rows)
        {
            lines[i] = "bob@x.org" + lines[i][first.Length..];
        }
        var report = SessionValidator.Validate(SimulatedCsv.Stream(string.Join('\n', lines)), "email.csv");

        var flagged = report.Issues.Where(i => i.Rule == ValidationRules.DirectIdentifierValue).Select(i => i.Line).ToList();
        Assert.Equal(rows.Select(i => (long?)(i + 1)), flagged);
        Assert.All(report.Issues, i => Assert.DoesNotContain("bob@x.org", i.Reason + i.Value, StringComparison.Ordinal));
        var e = Assert.Throws<NmtInputException>(() => DataLoader.Load(SimulatedCsv.Stream(string.Join('\n', lines)), "email.csv"));
        Assert.DoesNotContain("bob@x.org", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Order_messages_never_name_the_client()
    {
        var csv = SimulatedCsv.ReplaceLine(SimulatedCsv.Issue12, 3, l => SimulatedCsv.SetField(l, 3, "1")); // duplicate session 1
        var report = SessionValidator.Validate(SimulatedCsv.Stream(csv), "dup.csv");

        var issue = Assert.Single(report.Issues, i => i.Rule == ValidationRules.DuplicateSession);
        Assert.DoesNotContain("P0", issue.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Session_or_plain_is_decided_by_the_library_from_the_header()
    {
        var plain = DataLoader.Load(SimulatedCsv.Stream("x,y\n1,2\n3,4\n"), "tidy.csv");
        Assert.False(plain.IsSessionData);
        Assert.NotNull(plain.Note);
        Assert.Equal(2, plain.RowsRead);

        var session = DataLoader.Load(SimulatedCsv.Stream(SimulatedCsv.Issue12), "sim.csv");
        Assert.True(session.IsSessionData);
        Assert.Null(session.Note);
        Assert.Equal(1260, session.RowsRead);
        Assert.True(DataLoader.LoadDemo().IsSessionData);
    }

    [Fact]
    public void Truncated_or_corrupt_parquet_is_a_user_error()
    {
        var table = DataLoader.Load(SimulatedCsv.Stream(SimulatedCsv.Of(30, 3, 1)), "s.csv").Table;
        var bytes = ParquetFiles.Bytes(table);
        var truncated = bytes[..(bytes.Length / 2)].Concat("PAR1"u8.ToArray()).ToArray();
        var corrupt = bytes.ToArray();
        Array.Fill(corrupt, (byte)0x5A, 4, corrupt.Length / 3);

        Assert.Equal(table.RowCount, DataLoader.Load(new MemoryStream(bytes), "ok.parquet").RowsRead);
        Assert.Throws<NmtInputException>(() => DataLoader.Load(new MemoryStream(bytes[..(bytes.Length / 2)]), "cut.parquet"));
        Assert.Throws<NmtInputException>(() => DataLoader.Load(new MemoryStream(truncated), "cut.parquet"));
        Assert.Throws<NmtInputException>(() => DataLoader.Load(new MemoryStream(corrupt), "bad.parquet"));
    }

    [Fact]
    public void A_nul_byte_in_an_identifier_is_refused_for_that_row()
    {
        var csv = SimulatedCsv.ReplaceLine(SimulatedCsv.Issue12, 2, l => "P00\01" + l[5..]);

        var rows = DataLoader.Load(SimulatedCsv.Stream(csv), "nul.csv").Account();

        var excluded = Assert.Single(rows.Excluded);
        Assert.Equal(2, excluded.Line);
        Assert.Contains("control character", excluded.Reason, StringComparison.Ordinal);
        Assert.DoesNotContain("\0", excluded.Reason, StringComparison.Ordinal);
    }
}
