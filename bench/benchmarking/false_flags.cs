#:project ../../src/Nmt.Analytics/Nmt.Analytics.csproj
#:property TreatWarningsAsErrors=false
// False-flag rate of nmt benchmark on simulated networks (docs/benchmarking.md).
// Run: dotnet run false_flags.cs [seeds=50] [clients=2000]
// For each seed: simulate 12 clinics, benchmark episode_change and responder with the CLI defaults (overdispersion
// widening on) and with --no-overdispersion;
// count flags among ordinary clinics (true effect ~N(0, 0.1^2)) and the case-mix clinic C03 (no true effect),
// and detections of C01 (better) and C02 (worse).
using System.Globalization;
using Nmt.Analytics.Benchmarking;
using Nmt.Analytics.Synthetic;

var seeds = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 50;
var clients = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 2000;
var configs = new (string Name, BenchmarkOptions Options)[]
{
    ("episode_change (default)", new BenchmarkOptions { Overdispersion = true }),
    ("episode_change --no-overdispersion", new BenchmarkOptions()),
    ("responder (default)", new BenchmarkOptions { Outcome = BenchmarkOutcome.Responder, Overdispersion = true }),
    ("responder --no-overdispersion", new BenchmarkOptions { Outcome = BenchmarkOutcome.Responder }),
};
var tally = configs.ToDictionary(c => c.Name, _ => new int[12]); // ordinaryFlags, ordinaryN, c03Flags, c01Better, c02Worse, seeds, alarmsOrdinary, nearNullFlags, nearNullN, c01Suppressed, c02Suppressed, ordinarySuppressed
for (var seed = 1; seed <= seeds; seed++)
{
    var sim = SessionSimulator.Simulate(new SimulationOptions { Clients = clients, Clinics = 12, Seed = seed });
    foreach (var (name, options) in configs)
    {
        var result = ClinicBenchmark.Run(sim.Table, options);
        var t = tally[name];
        t[5]++;
        foreach (var clinic in result.Clinics.Where(c => c.IsSuppressed))
        {
            var role = sim.Truth.Clinic(clinic.ClinicId).Role;
            if (role == "better") t[9]++;
            if (role == "worse") t[10]++;
            if (role == "ordinary") t[11]++;
        }
        foreach (var clinic in result.Clinics.Where(c => !c.IsSuppressed))
        {
            var role = sim.Truth.Clinic(clinic.ClinicId).Role;
            var flagged = clinic.Flag is PerformanceFlag.Better or PerformanceFlag.Worse;
            if (role == "ordinary") { t[1]++; if (flagged) t[0]++; if (clinic.Alarm) t[6]++; }
            if (role == "ordinary" && Math.Abs(sim.Truth.Clinic(clinic.ClinicId).Effect) <= 0.03) { t[8]++; if (flagged) t[7]++; }
            if (role == "case_mix" && flagged) t[2]++;
            if (role == "better" && clinic.Flag == PerformanceFlag.Better) t[3]++;
            if (role == "worse" && clinic.Flag == PerformanceFlag.Worse) t[4]++;
        }
    }
}
Console.WriteLine($"seeds={seeds} clients={clients} clinics=12 (8 ordinary clinics per network: C04-C11)");
Console.WriteLine("| analysis | ordinary clinics flagged (95 %) | ordinary beyond 99.8 % | ordinary with abs(effect) <= 0.03 flagged | C03 (case-mix only) flagged | C01 flagged better | C02 flagged worse | suppressed: C01 / C02 / ordinary |");
Console.WriteLine("|---|---|---|---|---|---|---|---|");
foreach (var (name, _) in configs)
{
    var t = tally[name];
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"| {name} | {t[0]}/{t[1]} = {100.0 * t[0] / t[1]:F1} % | {t[6]}/{t[1]} = {100.0 * t[6] / t[1]:F1} % | {t[7]}/{t[8]} = {100.0 * t[7] / Math.Max(1, t[8]):F1} % | {t[2]}/{t[5]} | {t[3]}/{t[5]} | {t[4]}/{t[5]} | {t[9]} / {t[10]} / {t[11]} |"));
}
