using Nmt.Analytics.Data;

namespace Nmt.Analytics.Tests.Data;

/// <summary>The smallest quasi-identifier groups are the first ones by size, then key, however many groups there are.</summary>
public class KAnonymityCounterTests
{
    [Theory]
    [InlineData(0, 10)]
    [InlineData(1, 10)]
    [InlineData(5, 0)]
    [InlineData(7, 10)]
    [InlineData(5_000, 10)]
    [InlineData(5_000, 1)]
    public void Smallest_groups_are_ordered_by_size_then_key(int groups, int shown)
    {
        var random = new Random(groups + shown);
        var sizes = Enumerable.Range(0, groups)
            .Select(g => ($"{(char)('a' + random.Next(26))}{random.Next(1000)}\u001F{g % 3}", random.Next(1, 6)))
            .ToList();
        var counter = new KAnonymityCounter(["age_band", "sex"]);
        var report = counter.Report(sizes, [], 0, new LoadOptions { SmallestGroupsShown = shown });

        // Sizes of equal keys add up; then all groups sorted by (size, key) give the expected head.
        var expected = sizes.GroupBy(s => s.Item1).Select(g => (Key: g.Key, Clients: g.Sum(s => s.Item2)))
            .OrderBy(g => g.Clients).ThenBy(g => g.Key, StringComparer.Ordinal).Take(shown)
            .Select(g => $"{g.Key.Replace('\u001F', '|')}:{g.Clients}");
        var actual = report.SmallestGroups.Select(g => $"{g.Values["age_band"]}|{g.Values["sex"]}:{g.Clients}");
        Assert.Equal(expected, actual);
    }
}
