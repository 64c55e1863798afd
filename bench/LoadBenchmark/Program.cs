using System.Diagnostics;
using System.Globalization;
using Nmt.Analytics.Data;

// Load + validate benchmark: `generate FILE [ROWS]` writes plausible session rows; `validate FILE` streams the
// validator only; `load FILE` validates and builds the typed table. Figures go to bench/README.md.
return args switch
{
    ["generate", var file, .. var rest] => Generate(file, rest.Length > 0 ? int.Parse(rest[0], CultureInfo.InvariantCulture) : 1_000_000),
    ["validate", var file] => Time("validate", () => SessionValidator.Validate(file).Rows),
    ["load", var file] => Time("load", () => SessionDataset.Load(file).Table.RowCount),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: LoadBenchmark generate FILE [ROWS] | validate FILE | load FILE");
    return 1;
}

static int Time(string what, Func<long> run)
{
    var stopwatch = Stopwatch.StartNew();
    var rows = run();
    stopwatch.Stop();
    using var process = Process.GetCurrentProcess();
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"{what}: {rows} rows in {stopwatch.Elapsed.TotalSeconds:F3} s; peak working set {process.PeakWorkingSet64 / 1048576.0:F0} MB; GC gen0/1/2 {GC.CollectionCount(0)}/{GC.CollectionCount(1)}/{GC.CollectionCount(2)}"));
    return 0;
}

static int Generate(string file, int rows)
{
    string[] regions = ["cervical", "lumbar", "thoracic", "shoulder", "pelvis_hip", "knee", "head_jaw"];
    string[] techniques = ["ischemic_compression", "positional_release", "muscle_energy", "init", "soft_tissue_release", "stacking"];
    string[] ages = ["18-29", "30-39", "40-49", "50-59", "60-69", "70-79"];
    string[] sexes = ["F", "M", "F", "M", "X"];
    string[] conditions = ["neck_pain", "low_back_pain", "headache", "shoulder_pain", "myofascial_pain"];
    string[] chronicity = ["acute", "subacute", "chronic"];
    string[] breathing = ["normal", "upper_chest", "paradoxical"];
    string[] posture = ["none", "forward_head", "rounded_shoulders", "increased_lordosis"];
    string[] gait = ["none", "antalgic", "overpronation"];
    var random = new Random(20261125);
    using var writer = new StreamWriter(file, false, new System.Text.UTF8Encoding(false), 1 << 20);
    writer.WriteLine("client_id,clinic_id,therapist_id,session,day,region,techniques,pain_pre,pain_post,age_band,sex,condition,chronicity,stress,hydration,sleep_hours,breathing_pattern,nutrition,trigger_points,neural_entrapment,nerve_compression,posture_finding,gait_finding,ppt_pre,ppt_post,duration_min");
    var written = 0;
    for (var client = 1; written < rows; client++)
    {
        var sessions = random.Next(4, 13);
        var clinic = random.Next(1, 51);
        var (region, age, sex, condition) = (regions[random.Next(regions.Length)], ages[random.Next(ages.Length)], sexes[random.Next(sexes.Length)], conditions[random.Next(conditions.Length)]);
        var (chronic, breath, post, walk) = (chronicity[random.Next(3)], breathing[random.Next(3)], posture[random.Next(4)], gait[random.Next(3)]);
        var pain = random.Next(4, 10);
        var day = 0;
        for (var s = 1; s <= sessions && written < rows; s++, written++)
        {
            var tech = random.Next(3) == 0 ? $"{techniques[random.Next(6)]};{techniques[random.Next(6)]}" : techniques[random.Next(6)];
            var after = Math.Max(0, pain - random.Next(0, 3));
            writer.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"C{client:D6},K{clinic:D2},T{clinic:D2}{random.Next(1, 4)},{s},{day},{region},{tech},{pain},{after},{age},{sex},{condition},{chronic},{random.Next(0, 11)},{1 + random.Next(0, 20) / 10.0:F1},{5 + random.Next(0, 30) / 10.0:F1},{breath},{random.Next(1, 6)},{random.Next(0, 12)},{random.Next(2)},{random.Next(2)},{post},{walk},{2 + random.Next(0, 40) / 10.0:F1},{2.5 + random.Next(0, 40) / 10.0:F1},{30 + 15 * random.Next(0, 4)}"));
            pain = Math.Min(10, after + random.Next(0, 2));
            day += random.Next(3, 15);
        }
    }
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"wrote {written} rows to {file} ({new FileInfo(file).Length / 1048576.0:F1} MB)"));
    return 0;
}
