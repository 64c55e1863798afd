using Nmt.Analytics.Prediction;

namespace Nmt.Analytics.Tests.Prediction;

public class GroupedFoldsTests
{
    private static readonly string[] Clients = TestSessions.Generate(40, 3).Text("client_id").Values.Select(v => v!).ToArray();

    [Fact]
    public void Every_client_lands_in_exactly_one_fold()
    {
        var folds = GroupedFolds.Assign(Clients, 5, 11);
        var foldsPerClient = Clients.Zip(folds).GroupBy(p => p.First).Select(g => g.Select(p => p.Second).Distinct().Count());
        Assert.All(foldsPerClient, n => Assert.Equal(1, n));
    }

    [Fact]
    public void Folds_are_balanced_by_clients_and_all_used()
    {
        var folds = GroupedFolds.Assign(Clients, 5, 11);
        var clientsPerFold = Clients.Zip(folds).DistinctBy(p => p.First).GroupBy(p => p.Second).Select(g => g.Count()).ToList();
        Assert.Equal(5, clientsPerFold.Count);
        Assert.All(clientsPerFold, n => Assert.Equal(8, n));
    }

    [Fact]
    public void Assignment_is_deterministic_for_a_seed_and_changes_with_it()
    {
        Assert.Equal(GroupedFolds.Assign(Clients, 5, 7), GroupedFolds.Assign(Clients, 5, 7));
        Assert.NotEqual(GroupedFolds.Assign(Clients, 5, 7), GroupedFolds.Assign(Clients, 5, 8));
    }

    [Fact]
    public void Too_few_clients_for_the_folds_is_a_clear_input_error()
    {
        var e = Assert.Throws<NmtInputException>(() => GroupedFolds.Assign(["a", "a", "b", "c"], 5, 1));
        Assert.Contains("only 3 client(s) for 5 folds", e.Message, StringComparison.Ordinal);
        Assert.Contains("--folds 3", e.Message, StringComparison.Ordinal);
    }
}
