using System.Text.Json;
using Nmt.Analytics.Data;
using Nmt.Analytics.Formulas;
using Nmt.Analytics.Inference;
using Nmt.Analytics.Models.Lmm;
using Nmt.Analytics.Statistics;
using Nmt.Analytics.Synthetic;
using Nmt.Analytics.Tests.Formulas;
using static Nmt.Analytics.Tests.Models.ReferenceAssert;

namespace Nmt.Analytics.Tests.Inference;

/// <summary>
/// Technique marginal means (techniques as tech_* indicators, each mean a session using that technique alone) and their
/// Tukey-adjusted pairs on the demo data, against emmeans 1.8 with <c>at =</c> grids and lmerTest's Satterthwaite df
/// (<c>reference/make_technique_reference.R</c>).
/// </summary>
public class TechniqueMarginalMeansReferenceTests
{
    [Fact]
    public void Technique_means_and_tukey_pairs_match_emmeans()
    {
        var c = JsonDocument.Parse(File.ReadAllText(ReferenceCsv.PathOf("Inference", "technique_reference.json"))).RootElement;
        using var stream = DemoData.OpenSessionsCsv();
        var sessions = SessionDataset.Load(stream, "demo").Table;
        var fit = LinearMixedModel.Fit(ModelFrameBuilder.Build(c.GetProperty("formula").GetString()!, sessions), new LmmOptions());
        var source = new LmmSource(fit);

        var means = TechniqueMarginalMeans.Compute(source, sessions);
        var pairs = PairwiseContrasts.Compute(source, means, AdjustmentMethod.Tukey);

        Assert.Equal(c.GetProperty("level").EnumerateArray().Select(e => e.GetString()), means.Means.Select(m => m.Level));
        Close(Numbers(c, "estimate"), means.Means.Select(m => m.Estimate).ToArray(), 1e-5, "estimate");
        Close(Numbers(c, "std_error"), means.Means.Select(m => m.StdError).ToArray(), 1e-4, "se");
        Close(Numbers(c, "df"), means.Means.Select(m => m.Df).ToArray(), 1e-3, "df");
        Assert.Equal(c.GetProperty("contrast").EnumerateArray().Select(e => e.GetString()), pairs.Contrasts.Select(p => p.Label));
        Close(Numbers(c, "contrast_estimate"), pairs.Contrasts.Select(p => p.Estimate).ToArray(), 1e-5, "contrast estimate");
        Close(Numbers(c, "contrast_std_error"), pairs.Contrasts.Select(p => p.StdError).ToArray(), 1e-4, "contrast se");
        Close(Numbers(c, "contrast_statistic"), pairs.Contrasts.Select(p => p.Statistic).ToArray(), 1e-4, "t");
        Close(Numbers(c, "contrast_p_value"), pairs.Contrasts.Select(p => p.PValue).ToArray(), 1e-3, "tukey p");
    }
}
