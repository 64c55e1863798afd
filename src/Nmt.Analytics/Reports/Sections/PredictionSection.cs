using System.Globalization;
using Nmt.Analytics.Charts;
using Nmt.Analytics.Prediction;

namespace Nmt.Analytics.Reports.Sections;

/// <summary>
/// "Predictive drivers": whether response can be foreseen at the first session, and which factors a model uses to
/// predict within-session pain change — both validated on clients the model never saw.
/// </summary>
internal static class PredictionSection
{
    public static void Build(ReportSection section, ReportContext context)
    {
        if (!context.Options.IncludePrediction)
        {
            section.Omitted("prediction was switched off for this report.");
            return;
        }
        var seed = context.Options.Seed;
        var responder = PredictiveAnalysis.Run(context.Inputs.Sessions, new PredictionOptions { Target = PredictionTarget.Responder, Seed = seed });
        var auc = responder.Metrics().NumericColumn("mean")[0];
        section.Paragraph(string.Create(CultureInfo.InvariantCulture,
            $"Who responds? A gradient-boosted model (LightGBM) given only what is known at a client's first session (baseline pain, stress, hydration, sleep, " +
            $"region, condition, the first visit's techniques) ranks a random responder above a random non-responder {auc:P0} of the time " +
            $"(cross-validated AUC {auc:0.00}, clients never in both training and test folds; 0.5 is chance): {Verdict(auc)}"));
        context.Table(section, "prediction_responder_metrics", responder.Metrics());

        var change = PredictiveAnalysis.Run(context.Inputs.Sessions, new PredictionOptions { Target = PredictionTarget.PainChange, Seed = seed });
        section.Paragraph("What drives within-session pain change? The same kind of model predicting each session's immediate pain change shows which recorded " +
                          "factors it relies on (permutation importance) and how its prediction moves with stress, hydration and sleep (partial dependence).");
        context.Table(section, "prediction_pain_change_metrics", change.Metrics());
        var importance = change.Importance();
        context.Artifacts.AddTable("prediction_importance", importance);
        PainChangeSection.TryFigure(section, context, "prediction_importance", () => ImportanceChart.Create(importance, "RMSE increase when shuffled", "NPRS points"),
            "Permutation importance: how much worse predictions of pain change become when a factor's values are shuffled (bars ± 1 SE over folds).");
        PainChangeSection.TryFigure(section, context, "partial_dependence",
            () => PartialDependenceChart.Create(change.PartialDependence(), prediction: "Predicted pain change"),
            "Partial dependence: the model's average predicted pain change as one factor varies, the others as recorded. Ticks show where the data are.");
        section.Caveat("Prediction is not causation: a factor can predict because it travels with something else (who chooses which technique, " +
                       "how chronic the pain is). Importance says what the model uses, not what would change if you intervened; fold-based error bars are optimistic.");
    }

    /// <summary>Plain words for a cross-validated AUC.</summary>
    internal static string Verdict(double auc) => auc switch
    {
        < 0.6 => "hardly better than chance — these records cannot tell at the first session who will respond.",
        < 0.7 => "modest — useful for groups, not for deciding about one client.",
        < 0.8 => "fair discrimination, though not enough to decide about one client.",
        _ => "good discrimination; check calibration before relying on individual probabilities.",
    };
}
