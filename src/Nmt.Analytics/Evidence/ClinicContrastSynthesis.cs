using System.Globalization;
using Nmt.Analytics.Data;
using Nmt.Analytics.Evidence.EffectSizes;
using Nmt.Analytics.Outcomes;

namespace Nmt.Analytics.Evidence;

/// <summary>
/// Within-network evidence synthesis — "do clinics agree?". For one technique, each clinic's session data give a contrast
/// of immediate pain change (<c>pain_post − pain_pre</c>) in sessions with the technique versus sessions without it; the
/// clinic contrasts are then pooled with a random-effects model, whose heterogeneity (τ², I², prediction interval) says
/// how much clinics differ.
/// </summary>
/// <remarks>
/// Sessions of one client are correlated (same person, same condition, same therapist), so treating sessions as
/// independent would overstate precision and let clients with many sessions dominate. Each client is therefore first
/// reduced to a mean change over their sessions with the technique and a mean over their sessions without it; the clinic
/// contrast compares these client-level means. A client can contribute to both groups; the variance of the difference
/// then includes the covariance of the paired client means:
/// Var = s_A²/n_A + s_B²/n_B − 2·n_AB·c_AB/(n_A·n_B), where c_AB is the covariance over the n_AB clients in both groups
/// (the partially-overlapping-samples variance; it reduces to the two-sample variance when no client is in both groups and
/// to the paired variance when all are). For SMD, the difference is divided by the pooled SD of the client means and
/// corrected with Hedges' J; its variance is Var/s_p² + g²/(2(n_A + n_B)).
/// </remarks>
public static class ClinicContrastSynthesis
{
    /// <summary>Columns the session table must have.</summary>
    public static readonly IReadOnlyList<string> RequiredColumns = [SessionColumns.ClientId, "clinic_id", "techniques", "pain_pre", "pain_post"];

    /// <summary>Computes every clinic's contrast for <paramref name="technique"/> and pools them.</summary>
    /// <param name="sessions">Session table (one row per session).</param>
    /// <param name="technique">Technique code, e.g. <c>ischemic_compression</c>.</param>
    /// <param name="measure">MD (default) or SMD.</param>
    /// <param name="options">Pooling options (REML by default).</param>
    /// <param name="minClientsPerGroup">Clinics with fewer clients in either group are left out (reported).</param>
    /// <exception cref="NmtInputException">Missing columns, unsupported measure, or fewer than two clinics with a usable contrast.</exception>
    public static ClinicContrastResult Run(
        ColumnTable sessions, string technique, EffectMeasure measure = EffectMeasure.MeanDifference,
        MetaAnalysisOptions? options = null, int minClientsPerGroup = 2)
    {
        ArgumentNullException.ThrowIfNull(sessions);
        ArgumentNullException.ThrowIfNull(technique);
        if (measure is not (EffectMeasure.MeanDifference or EffectMeasure.StandardizedMeanDifference))
        {
            throw new NmtInputException($"clinic contrasts are MD or SMD of pain change, not {measure.Code()}.");
        }
        foreach (var column in RequiredColumns.Where(c => !sessions.Contains(c)))
        {
            throw sessions.UnknownColumn(column);
        }
        CheckTechnique(technique);
        var excluded = new List<RowExclusion>();
        var clients = ClientMeans(sessions, technique, excluded);
        var contrasts = new List<ClinicContrast>();
        var skipped = new List<string>();
        foreach (var clinic in clients.GroupBy(c => c.Clinic).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var contrast = Contrast(clinic.Key, clinic.ToList(), measure, minClientsPerGroup, out var reason);
            if (contrast is null)
            {
                skipped.Add($"clinic {clinic.Key}: {reason}");
            }
            else
            {
                contrasts.Add(contrast);
            }
        }
        if (contrasts.Count < 2)
        {
            throw new NmtInputException(
                $"only {contrasts.Count} clinic(s) have at least {minClientsPerGroup} clients both with and without '{technique}'; pooling needs 2 or more. " +
                string.Join("; ", skipped.Take(5)));
        }
        var studies = contrasts.Select(c => new StudyEffect(c.ClinicId, c.Yi, c.Vi, 0, c.ClientsWith + c.ClientsWithout - c.ClientsBoth)).ToArray();
        var pooled = MetaAnalysis.Fit(new EffectSizeSet(measure, studies), options);
        return new ClinicContrastResult(technique, contrasts, pooled, skipped, excluded);
    }

    private sealed record ClientMean(string Clinic, string Client, double With, double Without);

    private static List<ClientMean> ClientMeans(ColumnTable sessions, string technique, List<RowExclusion> excluded)
    {
        var client = Keys(sessions[SessionColumns.ClientId]);
        var clinic = Keys(sessions["clinic_id"]);
        var techniques = sessions["techniques"] as CodeSetColumn
            ?? throw new NmtInputException("column 'techniques' must be a code-set column (';'-separated technique codes).", null, "techniques");
        var pre = sessions.Numeric("pain_pre");
        var post = sessions.Numeric("pain_post");
        var sums = new Dictionary<(string, string), double[]>();
        for (var row = 0; row < sessions.RowCount; row++)
        {
            var reason = client[row] is null ? "missing client_id" : clinic[row] is null ? "missing clinic_id"
                : techniques.IsMissing(row) ? "missing techniques" : pre.IsMissing(row) ? "missing pain_pre" : post.IsMissing(row) ? "missing pain_post" : null;
            if (reason is not null)
            {
                excluded.Add(new RowExclusion(sessions.SourceLines[row], reason));
                continue;
            }
            var key = (clinic[row]!, client[row]!);
            if (!sums.TryGetValue(key, out var s))
            {
                sums[key] = s = new double[4];
            }
            var offset = techniques.Contains(row, technique) ? 0 : 2;
            s[offset] += post[row] - pre[row];
            s[offset + 1]++;
        }
        return sums.Select(kv => new ClientMean(kv.Key.Item1, kv.Key.Item2,
            kv.Value[1] > 0 ? kv.Value[0] / kv.Value[1] : double.NaN,
            kv.Value[3] > 0 ? kv.Value[2] / kv.Value[3] : double.NaN)).ToList();
    }

    /// <summary>An unknown technique code is named, with the closest known code.</summary>
    private static void CheckTechnique(string technique)
    {
        var vocabulary = Vocabularies.Get("techniques");
        var codes = vocabulary.Codes.ToList();
        if (!codes.Contains(technique, StringComparer.Ordinal))
        {
            var hint = vocabulary.Closest(technique) is { } s ? $" Did you mean '{s}'?" : "";
            throw new NmtInputException($"unknown technique '{technique}'.{hint} Known techniques: {string.Join(", ", codes)}.");
        }
    }

    private static ClinicContrast? Contrast(string clinic, List<ClientMean> clients, EffectMeasure measure, int minimum, out string reason)
    {
        var with = clients.Where(c => !double.IsNaN(c.With)).Select(c => c.With).ToArray();
        var without = clients.Where(c => !double.IsNaN(c.Without)).Select(c => c.Without).ToArray();
        var both = clients.Where(c => !double.IsNaN(c.With) && !double.IsNaN(c.Without)).ToArray();
        if (with.Length < minimum || without.Length < minimum)
        {
            // Never the counts: a group of 1 to minimum - 1 clients is a small cell (docs/privacy.md).
            reason = $"fewer than {minimum} clients with or without the technique";
            return null;
        }
        var (meanA, meanB) = (with.Average(), without.Average());
        var (varA, varB) = (SampleVariance(with), SampleVariance(without));
        var covariance = both.Length < 2 ? 0 : both.Sum(c => (c.With - meanA) * (c.Without - meanB)) / (both.Length - 1);
        var vMd = (varA / with.Length) + (varB / without.Length) - (2.0 * both.Length * covariance / (with.Length * without.Length));
        var md = meanA - meanB;
        var (yi, vi) = (md, vMd);
        if (measure == EffectMeasure.StandardizedMeanDifference)
        {
            var sp = HedgesG.PooledSd(Math.Sqrt(varA), with.Length, Math.Sqrt(varB), without.Length);
            var g = HedgesG.CorrectionFactor(with.Length + without.Length - 2) * md / sp;
            (yi, vi) = (g, (vMd / (sp * sp)) + (g * g / (2.0 * (with.Length + without.Length))));
        }
        if (!(vi > 0) || !double.IsFinite(yi))
        {
            reason = "no variation in pain change between clients, so the contrast has no usable variance";
            return null;
        }
        reason = "";
        return new ClinicContrast(clinic, with.Length, without.Length, both.Length, meanA, meanB, yi, vi);
    }

    private static double SampleVariance(double[] x)
    {
        var mean = x.Average();
        return x.Sum(v => (v - mean) * (v - mean)) / (x.Length - 1);
    }

    private static string?[] Keys(TableColumn column) => column switch
    {
        TextColumn t => t.Values,
        NumericColumn n => n.Values.Select(v => double.IsNaN(v) ? null : v.ToString(CultureInfo.InvariantCulture)).ToArray(),
        _ => throw new NmtInputException("an id column must be text or numeric.", null, column.Name),
    };
}
