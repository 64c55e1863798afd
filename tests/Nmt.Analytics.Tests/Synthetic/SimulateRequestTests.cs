using Nmt.Analytics.Synthetic;

namespace Nmt.Analytics.Tests.Synthetic;

/// <summary><see cref="SimulateRequest"/>: the size limit, distinct file names, and the summary of what was written.</summary>
public class SimulateRequestTests
{
    [Fact]
    public void Too_many_clients_and_one_name_for_both_files_are_refused_before_writing()
    {
        var folder = Directory.CreateTempSubdirectory("nmt-sim-");
        try
        {
            var csv = Path.Combine(folder.FullName, "s.csv");
            var big = new SimulationOptions { Clients = SimulateRequest.MaxClients + 1 };
            Assert.StartsWith("--clients must be at most", Assert.Throws<NmtInputException>(() => new SimulateRequest(big, csv).Run()).Message, StringComparison.Ordinal);
            Assert.StartsWith("--out and --truth name the same file", Assert.Throws<NmtInputException>(() => new SimulateRequest(new SimulationOptions { Clients = 5 }, csv, csv).Run()).Message, StringComparison.Ordinal);
            Assert.Empty(folder.GetFiles());
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public void Writes_both_files_and_summarises_them_in_one_row()
    {
        var folder = Directory.CreateTempSubdirectory("nmt-sim-");
        try
        {
            var (csv, truth) = (Path.Combine(folder.FullName, "s.csv"), Path.Combine(folder.FullName, "t.json"));
            var output = new SimulateRequest(new SimulationOptions { Clients = 20, Clinics = 3, Seed = 4 }, csv, truth).Run();

            var row = output.ToJson()["simulation"]![0]!;
            Assert.Equal(csv, (string)row["file"]!);
            Assert.Equal(20, (int)row["clients"]!);
            Assert.Equal(File.ReadAllLines(csv).Length - 1, (int)row["rows"]!);
            Assert.True(File.Exists(truth));
            Assert.Contains($"ground truth written to {truth}", output.Tables[0].Notes);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
