namespace Nmt.Analytics.Synthetic;

/// <summary>Decides clinic sizes, roles and effects (stream 0 of the seed).</summary>
internal static class ClinicPlanner
{
    public const string Better = "better";
    public const string Worse = "worse";
    public const string CaseMix = "case_mix";
    public const string Tiny = "tiny";
    public const string Ordinary = "ordinary";

    public static IReadOnlyList<ClinicTruth> Plan(SimulationOptions options)
    {
        var random = new SimulationRandom(options.Seed, 0);
        var roles = Enumerable.Range(0, options.Clinics).Select(c => RoleOf(c, options.Clinics)).ToArray();
        var sizes = Sizes(options, roles, random);
        var width = Math.Max(2, options.Clinics.ToString(System.Globalization.CultureInfo.InvariantCulture).Length);
        var clinics = new List<ClinicTruth>(options.Clinics);
        for (var c = 0; c < options.Clinics; c++)
        {
            var effect = EffectOf(roles[c], random);
            var therapists = roles[c] == Tiny ? 1 : Math.Clamp(1 + (sizes[c] / 25), 1, 4);
            var id = "C" + (c + 1).ToString(System.Globalization.CultureInfo.InvariantCulture).PadLeft(width, '0');
            clinics.Add(new ClinicTruth(id, roles[c], effect, sizes[c], therapists, MeaningOf(roles[c])));
        }
        return clinics;
    }

    private static string RoleOf(int clinic, int count) => clinic switch
    {
        0 when count >= 2 => Better,
        1 when count >= 3 => Worse,
        2 when count >= 5 => CaseMix,
        _ when clinic == count - 1 && count >= 4 => Tiny,
        _ => Ordinary,
    };

    // Ordinary and tiny clinics draw a small normal effect, rounded to 3 decimals so the truth file reads cleanly.
    private static double EffectOf(string role, SimulationRandom random)
    {
        var draw = Math.Round(random.NextNormal(0, PlantedParameters.OrdinaryClinicSd), 3);
        return role switch
        {
            Better => PlantedParameters.BetterClinicEffect,
            Worse => PlantedParameters.WorseClinicEffect,
            CaseMix => 0.0,
            _ => draw,
        };
    }

    private static int[] Sizes(SimulationOptions options, string[] roles, SimulationRandom random)
    {
        var sizes = new int[roles.Length];
        var tinyIndex = Array.IndexOf(roles, Tiny);
        var remaining = options.Clients;
        if (tinyIndex >= 0)
        {
            sizes[tinyIndex] = Math.Clamp(options.TinyClinicClients, 1, options.Clients - (roles.Length - 1));
            remaining -= sizes[tinyIndex];
        }
        var others = Enumerable.Range(0, roles.Length).Where(c => c != tinyIndex).ToArray();
        var weights = others.Select(_ => 0.6 + (0.8 * random.NextDouble())).ToArray();
        DistributeLargestRemainder(sizes, others, weights, remaining);
        return sizes;
    }

    // Every clinic gets one client; the rest are shared in proportion to the weights (largest remainder).
    private static void DistributeLargestRemainder(int[] sizes, int[] clinics, double[] weights, int total)
    {
        var spare = total - clinics.Length;
        var sum = weights.Sum();
        var remainders = new double[clinics.Length];
        var given = 0;
        for (var k = 0; k < clinics.Length; k++)
        {
            var exact = spare * weights[k] / sum;
            sizes[clinics[k]] = 1 + (int)Math.Floor(exact);
            remainders[k] = exact - Math.Floor(exact);
            given += sizes[clinics[k]] - 1;
        }
        foreach (var k in Enumerable.Range(0, clinics.Length).OrderByDescending(k => remainders[k]).ThenBy(k => k).Take(spare - given))
        {
            sizes[clinics[k]]++;
        }
    }

    private static string MeaningOf(string role) => role switch
    {
        Better => "planted better clinic: every session's pain_change is lower (more improvement) by the effect",
        Worse => "planted worse clinic: every session's pain_change is higher (less improvement) by the effect",
        CaseMix => "no true effect, but sees mostly chronic-pain clients with higher stress (level mean 6.5): raw outcomes look worse, case-mix adjusted ones should not",
        Tiny => "fewer clients than the usual suppression threshold (11): its figures must be suppressed in shared benchmarks",
        _ => "ordinary clinic: small random effect drawn from N(0, 0.1^2)",
    };
}
