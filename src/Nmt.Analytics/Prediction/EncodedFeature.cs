namespace Nmt.Analytics.Prediction;

/// <summary>How one original column was encoded into feature slots (learned on training data, saved with a model).</summary>
/// <param name="Name">The data column.</param>
/// <param name="Kind">Numeric, categorical (one-hot) or code set (one indicator per code).</param>
/// <param name="Levels">Categories or codes seen in training, ordinal order (empty for numeric).</param>
/// <param name="FillValue">Training mean that replaces a missing numeric value (0 otherwise).</param>
/// <param name="HasMissingSlot">True when training data had missing values: an extra 0/1 "missing" indicator slot.</param>
/// <param name="FirstSlot">Index of the first slot in the feature vector.</param>
public sealed record EncodedFeature(
    string Name, FeatureKind Kind, IReadOnlyList<string> Levels, double FillValue, bool HasMissingSlot, int FirstSlot)
{
    /// <summary>Number of slots: 1 per numeric value or level, plus the missing indicator if any.</summary>
    public int SlotCount => (Kind == FeatureKind.Numeric ? 1 : Levels.Count) + (HasMissingSlot ? 1 : 0);

    /// <summary>Slot index of the missing indicator (valid only when <see cref="HasMissingSlot"/>).</summary>
    public int MissingSlot => FirstSlot + SlotCount - 1;

    /// <summary>Readable slot names: <c>stress</c>, <c>stress_missing</c>, <c>region=cervical</c>, <c>tech_init</c>.</summary>
    public IEnumerable<string> SlotNames()
    {
        if (Kind == FeatureKind.Numeric)
        {
            yield return Name;
        }
        foreach (var level in Levels)
        {
            yield return Kind == FeatureKind.CodeSet && Name == "techniques" ? "tech_" + level : Name + "=" + level;
        }
        if (HasMissingSlot)
        {
            yield return Name + "_missing";
        }
    }
}
