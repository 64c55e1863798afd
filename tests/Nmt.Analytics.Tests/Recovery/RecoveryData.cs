using Nmt.Analytics.Formulas;
using Nmt.Analytics.Models;
using Nmt.Analytics.Synthetic;

namespace Nmt.Analytics.Tests.Recovery;

/// <summary>Simulated data and model fits shared by the recovery tests.</summary>
internal static class RecoveryData
{
    /// <summary>Fits OLS with CR1 standard errors clustered by client_id.</summary>
    public static OlsFit FitClustered(SimulatedSessions simulated, string formula) =>
        Fit(simulated, formula, CovarianceType.CR1);

    /// <summary>Fits OLS with the given covariance; CR1 clusters by client_id.</summary>
    public static OlsFit Fit(SimulatedSessions simulated, string formula, CovarianceType covariance)
    {
        var frame = ModelFrameBuilder.Build(formula, simulated.Table,
            new ModelFrameOptions { RequiredColumns = ["client_id"] });
        var options = new OlsOptions { Covariance = covariance };
        if (covariance == CovarianceType.CR1)
        {
            options = options with { Clusters = ClusterLabels.FromColumn(simulated.Table, "client_id", frame), ClusterName = "client_id" };
        }
        return OlsModel.Fit(frame, options);
    }

    /// <summary>The coefficient row of a term.</summary>
    public static Nmt.Analytics.Results.TermEstimate Term(OlsFit fit, string term) =>
        fit.Coefficients.Single(c => string.Equals(c.Term, term, StringComparison.Ordinal));
}
