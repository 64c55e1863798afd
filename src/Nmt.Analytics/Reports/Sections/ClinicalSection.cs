using System.Globalization;
using Nmt.Analytics.Charts;
using Nmt.Analytics.Outcomes;
using Nmt.Analytics.Results;

namespace Nmt.Analytics.Reports.Sections;

/// <summary>
/// "Who got meaningfully better": each client's episode classified by the Jacobson–Truax reliable change index,
/// recovery and the MCID rule, overall, by main technique and by region, with the Jacobson–Truax plot.
/// </summary>
internal static class ClinicalSection
{
    public static void Build(ReportSection section, ReportContext context)
    {
        var options = ClinicalOptions.Default with { MinClients = context.Options.MinClients };
        var result = ClinicalSignificance.Classify(context.Inputs.Sessions, ["technique", "region"], options);
        section.Paragraph(string.Create(CultureInfo.InvariantCulture,
            $"Statistical significance does not say how many clients got better. Here each client's whole episode (pain after the last session minus pain " +
            $"before the first) is classified: a change of at least {options.ReliableChangePoints:0.0} points is larger than measurement error " +
            $"(Jacobson & Truax reliable change, SEM {options.Sem.Value:0.##} points); a responder improved by at least {options.Mcid.Points.Value:0.#} points " +
            $"and {options.Mcid.Percent.Value:0.#} % (Farrar 2001); recovered means reliably improved and ending at {options.RecoveryCutoff.Value:0.#} or less (mild pain)."));
        section.Bullets(Headline(result.Cells[0]));
        context.Figure(section, "jacobson_truax", JacobsonTruaxPlot.Create(PainPair.Count(EpisodeTable.Build(context.Inputs.Sessions).Episodes),
                options.ReliableChangePoints, options.Mcid, options.RecoveryCutoff.Value, options.MinClients),
            "Baseline against final pain, one bubble per combination (area = clients). On the diagonal nothing changed; inside the grey band the change is " +
            "within measurement error; below the dashed line clients met the MCID; below the dotted line pain ended in the mild range.");
        var full = result.Table();
        context.Table(section, "clinical_significance", full, Shown(result));
        context.Table(section, "clinical_thresholds", result.ThresholdTable());
        section.Caveat("The main technique is the one used in most of a client's sessions; therapists chose it, so differences between techniques " +
                       "may reflect who received them. Withheld cells (—) protect privacy: counts of 1–10 clients, and counts that would reveal one by subtraction.");
    }

    /// <summary>The classification as percentages of each row's clients (counts and Wilson CIs go to the CSV).</summary>
    internal static ResultTable Shown(ClinicalResult result)
    {
        var table = new ResultTable("Clinical significance by main technique and region", "group", "level", "clients",
            "reliably improved", "no reliable change", "reliably worse", "recovered", "responders (MCID)");
        foreach (var cell in result.Cells)
        {
            table.AddRow([cell.Group, cell.Level, cell.NClients, .. cell.ClassCounts.Select(c => (object?)Percent(c, cell.NClients))]);
        }
        table.AddNote("Percent of the row's clients. — = withheld (small cell or complementary suppression). Counts and 95 % Wilson intervals: tables/clinical_significance.csv.");
        return table;
    }

    private static string Percent(int? count, int? n) => count is { } c && n is > 0
        ? string.Create(CultureInfo.InvariantCulture, $"{100.0 * c / n.Value:0} %")
        : "—";

    private static IEnumerable<string> Headline(ClinicalCounts all)
    {
        for (var k = 0; k < ClinicalCounts.ClassNames.Count; k++)
        {
            if (all.NClients is { } n && all.ClassCounts[k] is { } x)
            {
                var (low, high) = ProportionInterval.Wilson(x, n);
                yield return string.Create(CultureInfo.InvariantCulture,
                    $"{ClinicalCounts.ClassNames[k].Replace('_', ' ')}: {100.0 * x / n:0} % of {n} clients (95 % CI {100 * low:0} to {100 * high:0} %).");
            }
        }
    }
}
