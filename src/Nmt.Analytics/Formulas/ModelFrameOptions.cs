namespace Nmt.Analytics.Formulas;

/// <summary>Options for <see cref="ModelFrameBuilder"/>.</summary>
public sealed record ModelFrameOptions
{
    /// <summary>The defaults: derived outcomes on, <c>techniques</c> expands to <c>tech_&lt;code&gt;</c> indicators.</summary>
    public static readonly ModelFrameOptions Default = new();

    /// <summary>
    /// Reference level per categorical column (like R's <c>relevel()</c> on the data); otherwise the first level
    /// in ordinal sorted order is the reference. <c>C(x, ref = "level")</c> in the formula does the same per term.
    /// </summary>
    public IReadOnlyDictionary<string, string> ReferenceLevels { get; init; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>Name of the multi-valued technique column (a <see cref="Data.CodeSetColumn"/>).</summary>
    public string TechniquesColumn { get; init; } = "techniques";

    /// <summary>Prefix of technique indicator columns: <c>tech_muscle_energy</c> is 1 when the session used <c>muscle_energy</c>.</summary>
    public string TechniquePrefix { get; init; } = "tech_";

    /// <summary>
    /// Extra columns that must be present in a row for it to be used (e.g. the cluster column of a robust fit);
    /// rows missing one are excluded with the reason <c>missing &lt;column&gt;</c>.
    /// </summary>
    public IReadOnlyList<string> RequiredColumns { get; init; } = [];

    /// <summary>When true, <c>pain_change</c> = <c>pain_post − pain_pre</c> is available even if the table lacks it.</summary>
    public bool DeriveOutcomes { get; init; } = true;
}
