using Nmt.Analytics.Data;
using Nmt.Analytics.Formulas;
using Nmt.Analytics.Models.Lmm;

namespace Nmt.Analytics.Tests.Models.Lmm;

/// <summary>
/// A large one-factor model accumulates its sufficient statistics on two threads when the rows split into halves that
/// share no client; the fit must not depend on that (nor on the order of the rows).
/// </summary>
public sealed class LmmRowOrderTests
{
    private const int Clients = 12_000;
    private const int Sessions = 10;

    [Fact]
    public void Two_thread_accumulation_gives_the_fit_of_interleaved_rows()
    {
        var grouped = Table(interleaved: false);
        var interleaved = Table(interleaved: true);
        const string formula = "pain ~ session + stress + (session | client_id)";
        var a = LinearMixedModel.Fit(ModelFrameBuilder.Build(formula, grouped));
        var b = LinearMixedModel.Fit(ModelFrameBuilder.Build(formula, interleaved));
        Assert.True(a.Converged && b.Converged);
        Assert.Equal(b.LogLikelihood, a.LogLikelihood, 6);
        for (var j = 0; j < a.FixedEffects.Count; j++)
        {
            Assert.Equal(b.FixedEffects[j].Estimate, a.FixedEffects[j].Estimate, 8);
            Assert.Equal(b.FixedEffects[j].StdError, a.FixedEffects[j].StdError, 8);
        }
        Assert.Equal(b.VarianceComponents[0].StdDev, a.VarianceComponents[0].StdDev, 6);
        Assert.Equal(b.VarianceComponents[1].StdDev, a.VarianceComponents[1].StdDev, 6);
        // Planted values are recovered (intercept SD 1, slope SD 0.15, session −0.25, stress −0.3).
        Assert.InRange(a.FixedEffects[1].Estimate, -0.26, -0.24);
        Assert.InRange(a.FixedEffects[2].Estimate, -0.31, -0.29);
        Assert.InRange(a.VarianceComponents[0].StdDev, 0.95, 1.05);
        Assert.InRange(a.VarianceComponents[1].StdDev, 0.14, 0.16);
    }

    /// <summary>Clients' rows together, or (interleaved) session by session across all clients.</summary>
    private static ColumnTable Table(bool interleaved)
    {
        var random = new Random(13);
        var n = Clients * Sessions;
        var client = new string?[n];
        var session = new double[n];
        var stress = new double[n];
        var pain = new double[n];
        var ids = Enumerable.Range(0, Clients).Select(c => $"c{c:D5}").ToArray();
        for (var c = 0; c < Clients; c++)
        {
            var (b0, b1) = (Normal(random), 0.15 * Normal(random));
            for (var s = 0; s < Sessions; s++)
            {
                var row = interleaved ? (s * Clients) + c : (c * Sessions) + s;
                client[row] = ids[c];
                session[row] = s + 1;
                stress[row] = Math.Round(5 + (2 * Normal(random)), 1);
                pain[row] = 6 + b0 + ((-0.25 + b1) * (s + 1)) - (0.3 * stress[row]) + (0.5 * Normal(random));
            }
        }
        return new ColumnTable([new TextColumn("client_id", client), new NumericColumn("session", session), new NumericColumn("stress", stress), new NumericColumn("pain", pain)]);
    }

    private static double Normal(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
