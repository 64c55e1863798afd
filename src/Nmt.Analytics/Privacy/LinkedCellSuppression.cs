namespace Nmt.Analytics.Privacy;

/// <summary>
/// Primary and complementary suppression of counts linked by several additive relations at once (total = Σ parts,
/// across rows and columns of one table, e.g. the clinical-significance classes per group). The single-partition case
/// is <see cref="CellSuppression"/>; the rule is the same: no published count, and no difference of published
/// counts, may be 1 to <c>min − 1</c>.
/// </summary>
/// <remarks>
/// Primary: every count of 1 … min − 1 is withheld. Complementary (CMS cell-size suppression policy): for each relation
/// whose total is published, the withheld parts — the suppressed ones and any that are never published, such as clients
/// with a missing grouping value — can be recovered as a sum by subtraction, so that sum must be 0 or ≥ min; while it is
/// not, the smallest published non-zero part is withheld too (or, if none is left, the total). Repeats until stable.
/// This guards single relations and their sums, which is what a reader of the tables can do by subtraction; it is not a
/// full linear-programming audit of every combination of relations.
/// </remarks>
public sealed class LinkedCellSuppression(int min)
{
    private readonly List<int> _values = [];
    private readonly List<bool> _withheld = [];
    private readonly List<(int Total, int[] Parts)> _relations = [];
    private readonly List<(int Key, int[] Members)> _rows = [];

    /// <summary>A count for display: <c>&lt;min</c> (e.g. "&lt;11") when it is 1 to <c>min − 1</c>, else the number.</summary>
    public static string Format(int count, int min) =>
        count >= 1 && count < min ? "<" + min.ToString(System.Globalization.CultureInfo.InvariantCulture)
            : count.ToString("N0", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Registers a published count; returns its id.</summary>
    public int Count(int value) => Add(value, withheld: false);

    /// <summary>Registers a count that is never published but can be derived (e.g. clients with a missing value).</summary>
    public int Hidden(int value) => Add(value, withheld: true);

    /// <summary>States that <paramref name="total"/> = Σ <paramref name="parts"/>.</summary>
    public void Relate(int total, params int[] parts) => _relations.Add((total, parts));

    /// <summary>A row of counts that stands or falls with <paramref name="key"/> (a row's client count): once it is
    /// withheld, so is every member, since the members would add back up to it.</summary>
    public void Row(int key, params int[] members) => _rows.Add((key, members));

    /// <summary>The count of <paramref name="id"/> after suppression, or null when withheld.</summary>
    public int? Published(int id) => _withheld[id] ? null : _values[id];

    /// <summary>Applies primary then complementary suppression.</summary>
    public void Run()
    {
        for (var id = 0; id < _values.Count; id++)
        {
            if (IsSmall(_values[id]))
            {
                _withheld[id] = true;
            }
        }
        var changed = true;
        while (changed)
        {
            changed = false;
            foreach (var (total, parts) in _relations)
            {
                changed |= Complement(total, parts);
            }
            foreach (var (key, members) in _rows.Where(r => _withheld[r.Key]))
            {
                foreach (var member in members.Where(m => !_withheld[m]))
                {
                    _withheld[member] = changed = true;
                }
            }
        }
    }

    private bool Complement(int total, int[] parts)
    {
        if (_withheld[total])
        {
            return false;
        }
        var derivable = parts.Where(p => _withheld[p]).Sum(p => _values[p]);
        if (!IsSmall(derivable))
        {
            return false;
        }
        var next = parts.Where(p => !_withheld[p] && _values[p] > 0).OrderBy(p => _values[p]).ThenBy(p => p).FirstOrDefault(-1);
        _withheld[next >= 0 ? next : total] = true;
        return true;
    }

    private bool IsSmall(int value) => value >= 1 && value < min;

    private int Add(int value, bool withheld)
    {
        _values.Add(value);
        _withheld.Add(withheld);
        return _values.Count - 1;
    }
}
