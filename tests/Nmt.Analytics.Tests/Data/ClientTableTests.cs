using Nmt.Analytics.Data;

namespace Nmt.Analytics.Tests.Data;

/// <summary>The compact per-client table answers as a dictionary of client states would, for many clients.</summary>
public class ClientTableTests
{
    [Fact]
    public void Finds_every_client_again_and_tells_new_sessions_from_repeated_ones()
    {
        var table = new ClientTable();
        var reference = new Dictionary<string, (int Index, HashSet<int> Sessions)>(StringComparer.Ordinal);
        var random = new Random(12);
        for (var step = 0; step < 300_000; step++)
        {
            var id = random.Next(4) == 0 ? new string('x', random.Next(0, 90)) + random.Next(100) : "P" + random.Next(120_000).ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
            var session = random.Next(10) == 0 ? random.Next(60, 200) : random.Next(1, 13);
            var index = table.GetOrAdd(id, out var added);
            Assert.Equal(!reference.ContainsKey(id), added);
            if (added)
            {
                reference[id] = (index, []);
            }
            Assert.Equal(reference[id].Index, index);
            Assert.Equal(reference[id].Sessions.Add(session), table.MarkSession(index, session));
        }
        Assert.Equal(reference.Count, table.Count);
    }

    [Fact]
    public void Group_sizes_count_clients_with_a_group_only()
    {
        var table = new ClientTable();
        for (var i = 0; i < 10; i++)
        {
            var index = table.GetOrAdd($"c{i}", out _);
            table.At(index).Group = i < 8 ? i % 3 : -1;
        }
        Assert.Equal([3, 3, 2], table.GroupSizes(3));
    }
}
