using Nmt.Analytics.Data;

namespace Nmt.Analytics.Benchmarking;

/// <summary>
/// Case-mix-adjusted clinic comparison (indirect standardisation). The case-mix model is the linear model of the
/// outcome on <see cref="CaseMixDesign"/> fitted on the reference population — every clinic with at least the
/// minimum number of clients, local and from shared summaries. Per clinic: O = mean outcome, E = mean of the
/// model's predictions for its episodes, D = O − E with SE = σ̂·√φ/√n, z = D/(σ̂/√n), 95 % CI D ± 1.96·SE, and the
/// flag from the funnel limits 0 ± z·σ̂·√(φ/n) at 95 % (flag) and 99.8 % (alarm) (Spiegelhalter 2005).
/// </summary>
public static class ClinicBenchmark
{
    /// <summary>Benchmarks the clinics of a session table, optionally against shared summaries of other clinics.</summary>
    public static BenchmarkResult Run(ColumnTable sessions, BenchmarkOptions options, IReadOnlyList<BenchmarkSummary>? references = null)
    {
        ArgumentNullException.ThrowIfNull(sessions);
        ArgumentNullException.ThrowIfNull(options);
        var input = CaseMixInput.FromSessions(sessions, options);
        var blocks = new List<CaseMixBlock> { input.Model };
        var clinics = input.Clinics.ToList();
        var suppressed = input.Suppressed.Select(id => ClinicResult.Suppressed(id, "local")).ToList();
        foreach (var summary in references ?? [])
        {
            summary.CheckCompatible(options);
            blocks.Add(summary.Model);
            clinics.AddRange(summary.Clinics);
        }
        CheckDistinct(clinics.Select(c => (c.ClinicId, c.Source)).Concat(suppressed.Select(c => (c.ClinicId, c.Source))));
        return Compare(blocks, clinics, suppressed, options, input.Exclusions, input.Notes);
    }

    /// <summary>
    /// Benchmarks clinics given the model blocks and clinic totals (the federated core: rows are not needed).
    /// The blocks must together cover exactly the episodes of <paramref name="clinics"/>.
    /// </summary>
    /// <exception cref="NmtInputException">Fewer than two clinics to compare.</exception>
    public static BenchmarkResult Compare(IReadOnlyList<CaseMixBlock> blocks, IReadOnlyList<ClinicTotals> clinics, IReadOnlyList<ClinicResult> suppressed,
        BenchmarkOptions options, IReadOnlyList<RowExclusion> exclusions, IReadOnlyList<string> notes)
    {
        ArgumentNullException.ThrowIfNull(blocks);
        ArgumentNullException.ThrowIfNull(clinics);
        ArgumentNullException.ThrowIfNull(suppressed);
        ArgumentNullException.ThrowIfNull(options);
        if (clinics.Count < 2)
        {
            var which = clinics.Count == 1 ? $"only clinic {clinics[0].ClinicId}" : "no clinic";
            throw new NmtInputException($"benchmarking needs at least 2 clinics with {options.MinClients} or more clients, but {which} qualifies ({suppressed.Count} suppressed); add clinics or compare against shared summaries with --reference S.json.");
        }
        var design = CaseMixDesign.Union(blocks.Select(b => b.Design).Concat(clinics.Select(c => c.Design)));
        var pooled = CaseMixCrossProducts.Sum(blocks.Select(b => design.Embed(b.Stats, b.Design)), design.Dimension);
        var total = clinics.Sum(c => c.NClients);
        if (pooled.Count != total)
        {
            throw new NmtInputException($"the case-mix summaries cover {pooled.Count} episodes but their clinics list {total}; a summary is damaged or was edited.");
        }
        var terms = EstimableTerms.Select(design, pooled);
        var model = CaseMixModel.Fit(terms.Terms, terms.Restrict(pooled));
        var sigma = Math.Sqrt(model.ResidualVariance);
        var raw = clinics.Select(c => Observe(c, terms.Restrict(design.Embed(c.SumX, c.Design)), model, sigma)).ToList();
        var phi = options.Overdispersion ? Overdispersion.Estimate(raw.Select(r => r.D / r.Se).ToList()) : 1;
        var shrink = EmpiricalBayes.Shrink(raw.Select(r => r.D).ToList(), raw.Select(r => r.Se * r.Se).ToList());
        var results = clinics.Select((c, i) => Result(c, raw[i], phi, shrink.Estimates[i], options)).ToList();
        results.AddRange(suppressed);
        return new BenchmarkResult(options, model, terms, sigma, phi, shrink.Tau2, shrink.Mean,
            results.OrderBy(r => r.ClinicId, StringComparer.Ordinal).ToList(), exclusions, notes);
    }

    // O = Σy/n, E = Σxᵀβ/n (indirect standardisation), SE = σ̂/√n.
    private static (long N, double O, double E, double D, double Se) Observe(ClinicTotals c, MathNet.Numerics.LinearAlgebra.Vector<double> sumX, CaseMixModel model, double sigma)
    {
        var n = c.NClients;
        var observed = c.SumY / n;
        var expected = sumX.DotProduct(model.Coefficients) / n;
        return (n, observed, expected, observed - expected, sigma / Math.Sqrt(n));
    }

    private static ClinicResult Result(ClinicTotals clinic, (long N, double O, double E, double D, double Se) r,
        double phi, (double Value, double Sd) shrunk, BenchmarkOptions options)
    {
        var figures = new ClinicFigures(r.N, r.O, r.E, r.Se * Math.Sqrt(phi), shrunk.Value, shrunk.Sd);
        var inner = FunnelLimits.ForMean(0, r.Se * Math.Sqrt(r.N), r.N, FunnelLimits.Inner, phi);
        var outer = FunnelLimits.ForMean(0, r.Se * Math.Sqrt(r.N), r.N, FunnelLimits.Outer, phi);
        var flag = Flag(r.D, inner, options.Outcome.LowerIsBetter());
        var alarm = r.D < outer.Low || r.D > outer.High;
        return ClinicResult.Reported(clinic.ClinicId, clinic.Source, figures, flag, alarm, options.MinClients);
    }

    /// <summary>The flag of a difference <paramref name="d"/> against its funnel limits: as expected inside, else better or worse by direction.</summary>
    internal static PerformanceFlag Flag(double d, (double Low, double High) limits, bool lowerIsBetter)
    {
        if (d >= limits.Low && d <= limits.High)
        {
            return PerformanceFlag.AsExpected;
        }
        return (d < limits.Low) == lowerIsBetter ? PerformanceFlag.Better : PerformanceFlag.Worse;
    }

    internal static void CheckDistinct(IEnumerable<(string Id, string Source)> clinics)
    {
        var seen = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (id, source) in clinics)
        {
            if (!seen.TryAdd(id, source))
            {
                throw new NmtInputException($"clinic '{id}' appears in both {seen[id]} and {source}; each clinic must be counted once (pseudonymise one export, or drop the duplicate summary).");
            }
        }
    }
}
