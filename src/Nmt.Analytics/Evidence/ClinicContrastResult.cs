using Nmt.Analytics.Data;
using Nmt.Analytics.Evidence.EffectSizes;
using Nmt.Analytics.Results;

namespace Nmt.Analytics.Evidence;

/// <summary>The result of <see cref="ClinicContrastSynthesis.Run"/>: per-clinic contrasts and their random-effects pool.</summary>
public sealed class ClinicContrastResult
{
    internal ClinicContrastResult(string technique, IReadOnlyList<ClinicContrast> clinics, MetaAnalysisResult pooled,
        IReadOnlyList<string> skippedClinics, IReadOnlyList<RowExclusion> excludedRows)
    {
        Technique = technique;
        Clinics = clinics;
        Pooled = pooled;
        SkippedClinics = skippedClinics;
        ExcludedRows = excludedRows;
    }

    /// <summary>The technique contrasted.</summary>
    public string Technique { get; }

    /// <summary>Clinics with a usable contrast.</summary>
    public IReadOnlyList<ClinicContrast> Clinics { get; }

    /// <summary>The pooled contrast across clinics (its heterogeneity answers "do clinics agree?").</summary>
    public MetaAnalysisResult Pooled { get; }

    /// <summary>Clinics left out, with the reason.</summary>
    public IReadOnlyList<string> SkippedClinics { get; }

    /// <summary>Session rows left out (missing values), with the reason.</summary>
    public IReadOnlyList<RowExclusion> ExcludedRows { get; }

    /// <summary>One row per clinic: group sizes, client-level means, effect, variance, weight.</summary>
    public ResultTable Tidy()
    {
        var table = new ResultTable($"Clinic contrasts: {Technique} vs without ({Pooled.Measure.Describe()})", "clinic_id", "clients_with",
            "clients_without", "clients_both", "mean_change_with", "mean_change_without", "yi", "vi", "weight");
        for (var i = 0; i < Clinics.Count; i++)
        {
            var c = Clinics[i];
            table.AddRow(c.ClinicId, c.ClientsWith, c.ClientsWithout, c.ClientsBoth, c.MeanWith, c.MeanWithout, c.Yi, c.Vi, Pooled.Weights[i]);
        }
        foreach (var s in SkippedClinics)
        {
            table.AddNote($"left out: {s}.");
        }
        if (ExcludedRows.Count > 0)
        {
            table.AddNote($"{ExcludedRows.Count} session row(s) left out for missing values (first: line {ExcludedRows[0].Line}, {ExcludedRows[0].Reason}).");
        }
        table.AddNote("pain change = pain_post − pain_pre (negative = improvement); sessions are averaged per client before comparing.");
        return table;
    }

    /// <summary>Plain-language answer to "do clinics agree?".</summary>
    public string Agreement()
    {
        var p = Pooled;
        var verdict = p.I2 < 30 && p.QPValue >= 0.10 ? "Clinics broadly agree" : p.I2 < 60 ? "Clinics disagree somewhat" : "Clinics disagree substantially";
        return string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"{verdict} on {Technique}: pooled difference {p.Estimate:0.##} (95% CI {p.CiLow:0.##} to {p.CiHigh:0.##}) over {p.K} clinics; " +
            $"I² = {p.I2:0}%, τ² = {p.Tau2:0.###}, Q p = {p.QPValue:0.###}; a new clinic's difference would likely lie between {p.PiLow:0.##} and {p.PiHigh:0.##}.");
    }
}
