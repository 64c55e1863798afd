using System.Globalization;
using Nmt.Analytics.Charts;
using Nmt.Analytics.Prediction;

namespace Nmt.Analytics.Reports.Sections;

/// <summary>"Predictive drivers": which factors help predict who responds, validated across clients.</summary>
internal static class PredictionSection
{
    public static void Build(ReportSection section, ReportContext context)
    {
        if (!context.Options.IncludePrediction)
        {
            section.Omitted("prediction was switched off for this report.");
            return;
        }
        var options = new PredictionOptions { Target = PredictionTarget.Responder, Folds = 5, Seed = context.Options.Seed };
        var report = PredictiveAnalysis.Run(context.Inputs.Sessions, options);
        var metrics = report.Metrics();
        var auc = metrics.NumericColumn("mean")[0];
        section.Paragraph(string.Create(CultureInfo.InvariantCulture,
            $"A gradient-boosted model (LightGBM) predicts whether a client becomes a responder (≥ 2 points and ≥ 30 % less pain by their last session) " +
            $"from the client's recorded factors (baseline pain; stress, hydration and sleep averaged over the episode; region, condition…) and the techniques they received. Tested on clients it never saw (5-fold cross-validation grouped by client), it ranks a random responder " +
            $"above a random non-responder {auc:P0} of the time (AUC {auc:0.00}; 0.5 is chance)."));
        context.Table(section, "prediction_metrics", metrics);
        var importance = report.Importance();
        PainChangeSection.TryFigure(section, context, "prediction_importance", () => ImportanceChart.Create(importance, "AUC decrease when permuted"),
            "Permutation importance: how much worse predictions become when a factor's values are shuffled (bars ± 1 SE over folds).");
        PainChangeSection.TryFigure(section, context, "partial_dependence", () => PartialDependenceChart.Create(report.PartialDependence(), unit: null, prediction: "Predicted probability of responding"),
            "Partial dependence: the model's average predicted chance of responding as one factor varies, others held at their observed values.");
        context.Artifacts.AddTable("prediction_importance", importance);
        section.Caveat("Prediction is not causation: a factor can predict response because it travels with something else (who chooses which technique, " +
                       "how chronic the pain is). Importance says what the model uses, not what would change if you intervened.");
    }
}
