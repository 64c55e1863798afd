using Microsoft.ML;
using Microsoft.ML.Data;

namespace Nmt.Analytics.Tests.Prediction;

/// <summary>
/// Checks the claim in docs/prediction.md about ML.NET's own grouped split (<c>samplingKeyColumnName</c>): it does keep
/// a client's rows in one test fold (it hashes the key into ranges), but fold sizes are uneven — why
/// <c>GroupedFolds</c> deals clients round-robin instead.
/// </summary>
public class MlNetSamplingKeyTests
{
    [Fact]
    public void MlNet_sampling_key_keeps_clients_together_but_fold_sizes_vary()
    {
        var sessions = TestSessions.Generate(200, 12);
        var ml = new MLContext(1);
        var rows = sessions.Text("client_id").Values.Select((c, i) => new KeyRow { ClientId = c!, Index = i }).ToList();
        var splits = ml.Data.CrossValidationSplit(ml.Data.LoadFromEnumerable(rows), numberOfFolds: 5, samplingKeyColumnName: nameof(KeyRow.ClientId), seed: 1);
        var testClients = splits.Select(s => s.TestSet.GetColumn<string>(nameof(KeyRow.ClientId)).ToHashSet(StringComparer.Ordinal)).ToList();
        for (var a = 0; a < testClients.Count; a++)
        {
            for (var b = a + 1; b < testClients.Count; b++)
            {
                Assert.Empty(testClients[a].Intersect(testClients[b]));
            }
        }
        Assert.Equal(200, testClients.Sum(s => s.Count));
        var sizes = testClients.Select(s => s.Count).ToList();
        Assert.True(sizes.Max() - sizes.Min() > 1, $"ML.NET fold sizes {string.Join(",", sizes)}");
        var ours = GroupedFoldsSizes(sessions.Text("client_id").Values.Select(v => v!).ToArray());
        Assert.True(ours.Max() - ours.Min() <= 1);
    }

    private static List<int> GroupedFoldsSizes(string[] clients) =>
        clients.Zip(Nmt.Analytics.Prediction.GroupedFolds.Assign(clients, 5, 1)).DistinctBy(p => p.First).GroupBy(p => p.Second).Select(g => g.Count()).ToList();

    public sealed class KeyRow
    {
        public string ClientId { get; set; } = "";

        public float Index { get; set; }
    }
}
