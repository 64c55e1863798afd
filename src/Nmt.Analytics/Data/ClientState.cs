namespace Nmt.Analytics.Data;

/// <summary>What the validator remembers per client while streaming: enough for the order and duplicate rules.</summary>
internal sealed class ClientState
{
    private ulong _seenLow;
    private HashSet<int>? _seenHigh;

    public int LastSession { get; set; }
    public double LastDay { get; set; } = double.NaN;
    public int Rows { get; set; }

    /// <summary>Quasi-identifier key from the client's first usable row (null until then).</summary>
    public string? QuasiKey { get; set; }

    /// <summary>Marks <paramref name="session"/> as seen; false when it was seen before (a duplicate).</summary>
    public bool MarkSession(int session)
    {
        // Sessions 1..64 in a bit mask: no allocation for typical courses of treatment.
        if (session is >= 1 and <= 64)
        {
            var bit = 1UL << (session - 1);
            var isNew = (_seenLow & bit) == 0;
            _seenLow |= bit;
            return isNew;
        }
        _seenHigh ??= [];
        return _seenHigh.Add(session);
    }
}
