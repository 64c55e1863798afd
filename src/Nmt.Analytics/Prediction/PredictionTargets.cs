namespace Nmt.Analytics.Prediction;

/// <summary>Contract names of <see cref="PredictionTarget"/> and <see cref="PredictionTrainer"/> values (as used by the CLI and JSON).</summary>
public static class PredictionTargets
{
    /// <summary>The contract name: <c>pain_change</c> or <c>responder</c>.</summary>
    public static string Name(this PredictionTarget target) => target switch
    {
        PredictionTarget.PainChange => "pain_change",
        PredictionTarget.Responder => "responder",
        _ => throw new ArgumentOutOfRangeException(nameof(target)),
    };

    /// <summary>The contract name: <c>lightgbm</c>, <c>fasttree</c> or <c>linear</c>.</summary>
    public static string Name(this PredictionTrainer trainer) => trainer switch
    {
        PredictionTrainer.LightGbm => "lightgbm",
        PredictionTrainer.FastTree => "fasttree",
        PredictionTrainer.Linear => "linear",
        _ => throw new ArgumentOutOfRangeException(nameof(trainer)),
    };

    /// <summary>Parses <c>pain_change</c> or <c>responder</c> (case-insensitive).</summary>
    /// <exception cref="NmtInputException">Any other name.</exception>
    public static PredictionTarget ParseTarget(string name) => Parse(name, Enum.GetValues<PredictionTarget>(), t => t.Name(), "--target");

    /// <summary>Parses <c>lightgbm</c>, <c>fasttree</c> or <c>linear</c> (case-insensitive).</summary>
    /// <exception cref="NmtInputException">Any other name.</exception>
    public static PredictionTrainer ParseTrainer(string name) => Parse(name, Enum.GetValues<PredictionTrainer>(), t => t.Name(), "--trainer");

    private static T Parse<T>(string name, T[] values, Func<T, string> nameOf, string option)
    {
        ArgumentNullException.ThrowIfNull(name);
        foreach (var value in values)
        {
            if (string.Equals(nameOf(value), name.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                return value;
            }
        }
        throw new NmtInputException($"{option}: unknown value '{name}'. Use one of: {string.Join(", ", values.Select(nameOf))}.");
    }
}
