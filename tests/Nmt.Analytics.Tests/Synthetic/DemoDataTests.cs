using Nmt.Analytics.Data;
using Nmt.Analytics.Synthetic;

namespace Nmt.Analytics.Tests.Synthetic;

public sealed class DemoDataTests
{
    [Fact]
    public void Embedded_demo_equals_a_fresh_simulation_with_the_documented_options()
    {
        var fresh = SessionSimulator.Simulate(DemoData.Options);
        Assert.Equal(SessionCsvWriter.ToCsv(fresh.Table), DemoData.SessionsCsvText());
        Assert.Equal(fresh.Truth.ToJson(), DemoData.Truth.ToJson());
    }

    [Fact]
    public void Demo_has_about_six_hundred_clients_in_twelve_clinics()
    {
        Assert.Equal(600, DemoData.Truth.Options.Clients);
        Assert.Equal(12, DemoData.Truth.Clinics.Count);
        Assert.Equal(20261125, DemoData.Options.Seed);
        using var reader = new StreamReader(DemoData.OpenSessionsCsv());
        Assert.StartsWith("client_id,clinic_id,therapist_id,session,day,region,techniques,pain_pre,pain_post", reader.ReadLine(), StringComparison.Ordinal);
    }

    [Fact]
    public void Committed_files_match_the_embedded_ones()
    {
        var root = FindRepositoryRoot();
        if (root is null)
        {
            return; // tests run outside the repository (e.g. from a package): the embedded check above still holds
        }
        Assert.Equal(DemoData.SessionsCsvText(), File.ReadAllText(Path.Combine(root, "data", "demo", "sessions.csv")));
        Assert.Equal(DemoData.Truth.ToJson(), File.ReadAllText(Path.Combine(root, "data", "demo", "truth.json")));
    }

    private static string? FindRepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "data", "demo", "sessions.csv")))
            {
                return dir.FullName;
            }
        }
        return null;
    }
}
