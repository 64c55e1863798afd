using MathNet.Numerics;
using MathNet.Numerics.LinearAlgebra;
using Nmt.Analytics.Data;
using Nmt.Analytics.Formulas;
using Nmt.Analytics.Results;

namespace Nmt.Analytics.Inference;

/// <summary>
/// ANOVA tables of Wald-type tests per term. Linear mixed models: lmerTest's <c>anova(m, type = 3|2)</c> with
/// Satterthwaite's F (Kuznetsova et al. 2017; Fai &amp; Cornelius 1996 for the multi-df denominator). Linear models:
/// <c>car::Anova(type = 2)</c>, and <c>car::Anova(type = 3)</c> under sum-to-zero contrasts (with its intercept row).
/// GLMs and GLMMs: the same hypotheses with Wald chi-square tests (<c>car::Anova(test.statistic = "Wald")</c>).
/// </summary>
public sealed class AnovaTable
{
    private AnovaTable(int type, bool chiSquare, IReadOnlyList<AnovaRow> rows)
    {
        Type = type;
        ChiSquare = chiSquare;
        Rows = rows;
    }

    /// <summary>2 or 3.</summary>
    public int Type { get; }

    /// <summary>True for Wald chi-square tests (asymptotic models), false for F tests.</summary>
    public bool ChiSquare { get; }

    /// <summary>One row per term, in model order.</summary>
    public IReadOnlyList<AnovaRow> Rows { get; }

    /// <summary>Computes the type <paramref name="type"/> table of <paramref name="source"/>'s model.</summary>
    /// <exception cref="NmtInputException">A type other than 2 or 3, or a model without terms.</exception>
    public static AnovaTable Compute(IInferenceSource source, ColumnTable table, int type, ModelFrameOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(source);
        if (type is not (2 or 3))
        {
            throw new NmtInputException($"--anova takes 2 or 3 (the type of sums of squares), not {type}.");
        }
        var terms = ModelTerms.Of(source.Frame, table, options);
        if (terms.Terms.Count == 0)
        {
            throw new NmtInputException($"'{source.Frame.Formula}' has no terms to test.");
        }
        var mixed = source.DfMethod == DfMethod.Satterthwaite;
        var hypotheses = (type, mixed) switch
        {
            (3, _) => AnovaHypotheses.TypeThree(terms, source.Frame.X, source.Frame.FixedNames, zap: mixed),
            (2, true) => AnovaHypotheses.TypeTwoMixed(terms, source.Frame.X),
            _ => AnovaHypotheses.TypeTwoCar(terms, source.Covariance),
        };
        var rows = new List<AnovaRow>();
        if (type == 3 && !mixed && source.Frame.HasIntercept)
        {
            // car's type III intercept under sum-to-zero contrasts: the equal-weight mean of the cells with covariates at 0.
            var grid = ReferenceGrid.Build(source.Frame, table, options, covariatesAtZero: true);
            var intercept = grid.Design.ColumnSums() / grid.Count;
            rows.Add(Test(source, "(Intercept)", intercept.ToRowMatrix()));
        }
        rows.AddRange(terms.Terms.Select((t, i) => Test(source, t.Label, hypotheses[i])));
        return new AnovaTable(type, source.DfMethod == DfMethod.Infinite, rows);
    }

    /// <summary>Tidy table: term, num_df, den_df, statistic, p_value.</summary>
    public ResultTable Tidy()
    {
        var table = new ResultTable($"Type {(Type == 3 ? "III" : "II")} ANOVA ({(ChiSquare ? "Wald chi-square" : "F")} tests)", "term", "num_df", "den_df", "statistic", "p_value");
        foreach (var row in Rows)
        {
            table.AddRow(row.Term, row.NumDf, row.DenDf, row.Statistic, row.PValue);
        }
        return table;
    }

    /// <summary>
    /// Tests Lβ = 0 as lmerTest's contestMD: the eigen-decomposition of L V Lᵀ gives q independent t statistics
    /// (eigenvalues above √ε times the largest), F = Σt²/q, and the denominator df combines their df νₘ
    /// (one: ν; all equal: ν; else 2E/(E − q) with E = Σ νₘ/(νₘ − 2), or 2 when some νₘ ≤ 2).
    /// </summary>
    private static AnovaRow Test(IInferenceSource source, string term, Matrix<double> l)
    {
        var evd = (l * source.Covariance * l.Transpose()).Evd(Symmetricity.Symmetric);
        var values = evd.EigenValues.Real();
        var largest = values.Maximum();
        var directions = Enumerable.Range(0, values.Count).Where(i => values[i] > Math.Max(Math.Sqrt(Precision.DoublePrecision * 2) * largest, 0)).ToList();
        var q = directions.Count;
        var beta = source.Coefficients;
        var t2 = new double[q];
        var nu = new double[q];
        for (var m = 0; m < q; m++)
        {
            var combination = l.TransposeThisAndMultiply(evd.EigenVectors.Column(directions[m]));
            var estimate = combination * beta;
            t2[m] = estimate * estimate / values[directions[m]];
            nu[m] = source.Df(combination);
        }
        if (source.DfMethod == DfMethod.Infinite)
        {
            var chi = t2.Sum();
            return new AnovaRow(term, q, null, chi, SpecialFunctions.GammaUpperRegularized(q / 2.0, chi / 2));
        }
        var f = t2.Sum() / q;
        var ddf = DenominatorDf(nu);
        return new AnovaRow(term, q, ddf, f, SpecialFunctions.BetaRegularized(ddf / 2, q / 2.0, ddf / (ddf + (q * f))));
    }

    /// <summary>lmerTest's get_Fstat_ddf.</summary>
    private static double DenominatorDf(double[] nu)
    {
        if (nu.Length == 1)
        {
            return nu[0];
        }
        if (nu.Zip(nu.Skip(1)).All(p => Math.Abs(p.First - p.Second) < 1e-8))
        {
            return nu.Average();
        }
        if (nu.Any(v => v <= 2))
        {
            return 2;
        }
        var e = nu.Sum(v => v / (v - 2));
        return 2 * e / (e - nu.Length);
    }
}
