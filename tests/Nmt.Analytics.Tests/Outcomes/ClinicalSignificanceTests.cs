using Nmt.Analytics.Data;
using Nmt.Analytics.Outcomes;
using Nmt.Analytics.Tests.Cli;

namespace Nmt.Analytics.Tests.Outcomes;

/// <summary>Jacobson–Truax classes, recovered and MCID responders, counted by hand on small data; suppression audited.</summary>
public class ClinicalSignificanceTests
{
    // SEM 1 → reliable change needs |change| ≥ 1.96·√2 = 2.77 points.
    private static readonly ClinicalOptions Open = ClinicalOptions.With(sem: 1, minClients: 0);

    /// <summary>Five clients, by hand: a 8→3 (−5: improved, ends ≤ 4: recovered, responder), b 6→4 (−2: no reliable change,
    /// responder: 2 points and 33 %), c 5→8 (+3: deteriorated), d 9→6 (−3: improved, ends 6: not recovered, responder 33 %),
    /// e 4→4 (no change). Middle sessions do not matter.</summary>
    private static ColumnTable Five() => new SessionTableBuilder()
        .Add("a", 1, 8, 6, "lumbar").Add("a", 2, 6, 3, "lumbar")
        .Add("b", 1, 6, 5, "lumbar").Add("b", 2, 9, 4, "lumbar")
        .Add("c", 1, 5, 8, "cervical")
        .Add("d", 1, 9, 7, "cervical").Add("d", 3, 7, 6, "cervical")
        .Add("e", 1, 4, 4, "cervical").Build();

    [Fact]
    public void Counts_the_classes_as_by_hand()
    {
        var result = ClinicalSignificance.Classify(Five(), ["region"], Open);

        Assert.Equal(new ClinicalCounts("all", "all", 5, 2, 2, 1, 1, 3), result.Cells[0]);
        Assert.Equal(new ClinicalCounts("region", "cervical", 3, 1, 1, 1, 0, 1), result.Cells[1]);
        Assert.Equal(new ClinicalCounts("region", "lumbar", 2, 1, 1, 0, 1, 2), result.Cells[2]);
    }

    [Fact]
    public void The_cutoff_mcid_and_sem_options_change_the_classes()
    {
        var strict = ClinicalSignificance.Classify(Five(), [], ClinicalOptions.With(sem: 2, mcidPoints: 3, mcidPercent: 50, cutoff: 2, minClients: 0));

        // SEM 2 → reliable change needs 5.54 points: nobody; MCID 3 points and 50 %: only a (5 points, 62.5 %).
        Assert.Equal(new ClinicalCounts("all", "all", 5, 0, 5, 0, 0, 1), strict.Cells[0]);
        Assert.Contains(strict.Options.Thresholds(), t => t.Name == "mcid_points" && t.Value == 3 && t.Source.StartsWith("user-set", StringComparison.Ordinal));
    }

    [Fact]
    public void A_change_of_exactly_the_critical_size_is_reliable()
    {
        var sem = 3 / (1.96 * Math.Sqrt(2));
        Assert.Equal(ReliableChangeClass.ReliableImprovement, ReliableChange.Classify(-3, sem, 1.96));
        Assert.Equal(ReliableChangeClass.ReliableDeterioration, ReliableChange.Classify(3, sem, 1.96));
        Assert.Equal(ReliableChangeClass.NoReliableChange, ReliableChange.Classify(-2.99, sem, 1.96));
        Assert.Equal(2.8273, ClinicalOptions.Default.ReliableChangePoints, 4); // 1.96·√2·1.02
    }

    [Fact]
    public void Wilson_intervals_are_those_of_prop_test_and_withheld_with_their_count()
    {
        var table = ClinicalSignificance.Classify(Five(), [], Open).Table();
        // R: prop.test(2, 5, correct = FALSE)$conf.int = 0.1176208 0.7692757
        Assert.Equal(0.1176208, (double)table[0, "reliable_improvement_ci_low"]!, 6);
        Assert.Equal(0.7692757, (double)table[0, "reliable_improvement_ci_high"]!, 6);
        var hidden = ClinicalSignificance.Classify(Five(), [], ClinicalOptions.Default).Table();
        Assert.Null(hidden[0, "n_clients"]);
        Assert.Null(hidden[0, "reliable_improvement_ci_low"]);
    }

    [Fact]
    public void Small_cells_are_null_and_cannot_be_recovered_by_subtraction()
    {
        var data = SessionTableBuilder.Many(60, 3, seed: 11);
        var regions = (TextColumn)data["region"];
        for (var row = 0; row < data.RowCount; row++)
        {
            var client = int.Parse(((TextColumn)data["client_id"])[row]![1..], System.Globalization.CultureInfo.InvariantCulture);
            regions.Values[row] = client < 6 ? "knee" : client < 25 ? "cervical" : "lumbar"; // knee: 6 clients
        }
        var cells = ClinicalSignificance.Classify(data, ["region"], ClinicalOptions.Default).Cells;

        var knee = cells.Single(c => c.Level == "knee");
        Assert.True(knee.Suppressed);
        Assert.All(knee.ClassCounts, Assert.Null);
        Assert.Equal(1, cells.Count(c => c.Group == "region" && !c.Suppressed)); // complementary: a second region goes too
        AssertNoSmallDifference(cells);
    }

    [Fact]
    public void The_demo_classification_publishes_no_count_or_difference_of_1_to_10()
    {
        using var stream = Nmt.Analytics.Synthetic.DemoData.OpenSessionsCsv();
        var sessions = SessionDataset.Load(stream, "demo").Table;
        var cells = ClinicalSignificance.Classify(sessions, ["region", "clinic", "technique"], ClinicalOptions.Default).Cells;

        Assert.All(cells, c => Assert.All(c.ClassCounts.Prepend(c.NClients), n => Assert.False(n is >= 1 and <= 10)));
        AssertNoSmallDifference(cells);
        Assert.Equal(600, cells[0].NClients);
    }

    [Fact]
    public void Describe_clinical_writes_the_contract_json()
    {
        var run = CliRun.Of("describe", "--demo", "--clinical", "--by", "region,technique", "--format", "json");

        Assert.True(run.ExitCode == 0, run.Error);
        var json = run.Json();
        var first = json["clinical"]![0]!.AsObject();
        foreach (var key in new[] { "group", "level", "n_clients", "reliable_improvement", "no_reliable_change", "reliable_deterioration", "recovered", "responders" })
        {
            Assert.True(first.ContainsKey(key), key);
        }
        Assert.Equal("all", (string?)first["group"]);
        var names = json["thresholds"]!.AsArray().Select(t => (string?)t!["name"]).ToList();
        Assert.Equal(["sem", "rci_critical", "reliable_change_points", "mcid_points", "mcid_percent", "recovery_cutoff"], names);
        Assert.All(json["thresholds"]!.AsArray(), t => Assert.False(string.IsNullOrEmpty((string?)t!["source"])));
        Assert.Contains(json["clinical"]!.AsArray(), c => (string?)c!["group"] == "technique");
    }

    [Theory]
    [InlineData("--sem", "0")]
    [InlineData("--mcid-pct", "120")]
    [InlineData("--cutoff", "11")]
    public void Describe_clinical_rejects_impossible_thresholds(string option, string value) =>
        CliRun.Of("describe", "--demo", "--clinical", option, value).AssertUserError(option);

    [Fact]
    public void Describe_clinical_rejects_a_numeric_grouping() =>
        CliRun.Of("describe", "--demo", "--clinical", "--by", "stress").AssertUserError("--by stress");

    /// <summary>Every published total minus its published parts is 0 or at least 11 (rows and each grouping's levels).</summary>
    private static void AssertNoSmallDifference(IReadOnlyList<ClinicalCounts> cells)
    {
        foreach (var cell in cells.Where(c => !c.Suppressed))
        {
            var c = cell.ClassCounts;
            if (c[0] is { } ri && c[1] is { } nrc && c[2] is null)
            {
                Assert.False(cell.NClients - ri - nrc is >= 1 and <= 10, $"{cell.Level}: deterioration derivable");
            }
        }
        foreach (var group in cells.Skip(1).GroupBy(c => c.Group))
        {
            if (group.Any(c => c.Suppressed) && cells[0].NClients is { } total)
            {
                var hidden = total - group.Sum(c => c.NClients ?? 0);
                Assert.False(hidden is >= 1 and <= 10, $"{group.Key}: suppressed clients derivable ({hidden})");
            }
        }
    }
}
