using System.Text.Json.Nodes;

namespace Nmt.Analytics.Models.Lmm;

/// <summary>How the optimum of θ was found and checked (the fit JSON's <c>"optimizer"</c> object).</summary>
/// <param name="Iterations">Evaluations of the profiled deviance, over all starts and restarts.</param>
/// <param name="MaxAbsGradient">Largest absolute finite-difference gradient of the deviance over θ not on a bound, at the optimum.</param>
/// <param name="AtBoundary">Some diagonal θ is exactly 0: a variance of zero or a correlation of ±1.</param>
/// <param name="Restarts">Restarts from boundary solutions (lme4's <c>restart_edge</c>) and from the best point.</param>
/// <param name="Message">Why the fit is not converged; empty when it is.</param>
public sealed record OptimizerSummary(int Iterations, double MaxAbsGradient, bool AtBoundary, int Restarts, string Message)
{
    /// <summary>The JSON object <c>{"iterations","max_abs_gradient","at_boundary","restarts"}</c>.</summary>
    public JsonObject ToJson() => new()
    {
        ["iterations"] = Iterations,
        ["max_abs_gradient"] = MaxAbsGradient,
        ["at_boundary"] = AtBoundary,
        ["restarts"] = Restarts,
    };
}
