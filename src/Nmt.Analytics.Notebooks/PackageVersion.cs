using System.Globalization;

namespace Nmt.Analytics.Notebooks;

/// <summary>
/// A NuGet package version (SemVer 2 with up to four numeric parts): compares numerically part by part, and a
/// pre-release sorts before its release. Enough to pick versions from local folders; not a full NuGet range parser.
/// </summary>
internal sealed class PackageVersion : IComparable<PackageVersion>
{
    private readonly int[] _parts;

    private PackageVersion(string text, int[] parts, string release)
    {
        Text = text;
        _parts = parts;
        Release = release;
    }

    /// <summary>The version as written (build metadata removed).</summary>
    public string Text { get; }

    private string Release { get; }

    public static PackageVersion? TryParse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        var plain = text.Trim().Split('+', 2)[0];
        var dash = plain.IndexOf('-', StringComparison.Ordinal);
        var numbers = (dash < 0 ? plain : plain[..dash]).Split('.');
        var release = dash < 0 ? "" : plain[(dash + 1)..];
        var parts = new int[4];
        if (numbers.Length is < 1 or > 4)
        {
            return null;
        }
        for (var i = 0; i < numbers.Length; i++)
        {
            if (!int.TryParse(numbers[i], NumberStyles.None, CultureInfo.InvariantCulture, out parts[i]))
            {
                return null;
            }
        }
        return new PackageVersion(plain, parts, release);
    }

    /// <summary>
    /// The minimum of a NuGet version or range as a dependency states it: <c>1.2.3</c>, <c>[1.2.3, )</c>,
    /// <c>[1.2.3]</c>, <c>(, 2.0)</c> (no minimum: null).
    /// </summary>
    public static PackageVersion? MinimumOf(string? range)
    {
        if (string.IsNullOrWhiteSpace(range))
        {
            return null;
        }
        var text = range.Trim().TrimStart('[', '(');
        var lower = text.Split(',', 2)[0].TrimEnd(']', ')').Trim();
        return TryParse(lower);
    }

    public int CompareTo(PackageVersion? other)
    {
        if (other is null)
        {
            return 1;
        }
        for (var i = 0; i < 4; i++)
        {
            var c = _parts[i].CompareTo(other._parts[i]);
            if (c != 0)
            {
                return c;
            }
        }
        return (Release.Length == 0, other.Release.Length == 0) switch
        {
            (true, true) => 0,
            (true, false) => 1,
            (false, true) => -1,
            _ => string.CompareOrdinal(Release, other.Release),
        };
    }

    /// <summary>Same version (1.0 equals 1.0.0).</summary>
    public bool SameAs(PackageVersion other) => CompareTo(other) == 0;

    public override string ToString() => Text;
}
