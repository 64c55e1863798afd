namespace Nmt.Analytics.Data;

/// <summary>
/// Compares a client's quasi-identifier values (one per column, null when missing) by value, so the validator can find
/// a client's group without joining the values into a key string for every client; the key text
/// (<see cref="KAnonymityCounter.Key"/>) is made once per group, for the report.
/// </summary>
internal sealed class QuasiValuesComparer : IEqualityComparer<string?[]>
{
    public static QuasiValuesComparer Instance { get; } = new();

    public bool Equals(string?[]? x, string?[]? y) =>
        ReferenceEquals(x, y) || x is not null && y is not null && x.AsSpan().SequenceEqual(y, StringComparer.Ordinal);

    public int GetHashCode(string?[] values)
    {
        var hash = new HashCode();
        foreach (var value in values)
        {
            hash.Add(value, StringComparer.Ordinal);
        }
        return hash.ToHashCode();
    }
}
