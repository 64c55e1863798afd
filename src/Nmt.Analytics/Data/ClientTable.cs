using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Nmt.Analytics.Data;

/// <summary>
/// What the validator remembers per client while streaming — sessions seen, last session and day, whether a row was
/// seen, the quasi-identifier group — in about 50 bytes per client: the id's characters in a shared arena (no string
/// per client), a 32-byte entry in fixed-size chunks (no large array copied as it grows) and a bucket index. Memory
/// therefore grows with the number of clients only, and slowly (about 100 MB for 2 million clients).
/// </summary>
internal sealed class ClientTable
{
    private const int ChunkBits = 16;
    private const int ChunkSize = 1 << ChunkBits;
    private const int ArenaChunk = 1 << 20;

    private readonly List<Entry[]> _entries = [];
    private readonly List<char[]> _arena = [];
    private readonly Dictionary<int, HashSet<int>> _highSessions = [];
    private int[] _buckets = new int[1024];
    private int _arenaUsed = ArenaChunk;

    /// <summary>Clients seen.</summary>
    public int Count { get; private set; }

    /// <summary>The index of <paramref name="clientId"/>; <paramref name="added"/> is true when it was new.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public int GetOrAdd(ReadOnlySpan<char> clientId, out bool added)
    {
        clientId = clientId[..Math.Min(clientId.Length, char.MaxValue)]; // ids are cut to 65,535 characters
        added = false;
        var hash = string.GetHashCode(clientId, StringComparison.Ordinal);
        for (var i = _buckets[hash & (_buckets.Length - 1)] - 1; i >= 0; i = At(i).Next - 1)
        {
            ref var entry = ref At(i);
            if (entry.Hash == hash && KeyOf(entry).SequenceEqual(clientId))
            {
                return i;
            }
        }
        added = true;
        return Add(clientId, hash);
    }

    /// <summary>The state of client <paramref name="index"/> (valid until the next <see cref="GetOrAdd"/>).</summary>
    public ref Entry At(int index) => ref _entries[index >> ChunkBits][index & (ChunkSize - 1)];

    /// <summary>Marks <paramref name="session"/> as seen for client <paramref name="index"/>; false when it was seen before.</summary>
    public bool MarkSession(int index, int session)
    {
        // Sessions 1..64 in a bit mask: no allocation for typical courses of treatment.
        if (session is >= 1 and <= 64)
        {
            ref var entry = ref At(index);
            var bit = 1UL << (session - 1);
            var isNew = (entry.Seen & bit) == 0;
            entry.Seen |= bit;
            return isNew;
        }
        ref var set = ref CollectionsMarshal.GetValueRefOrAddDefault(_highSessions, index, out _);
        set ??= [];
        return set.Add(session);
    }

    /// <summary>The number of clients in each quasi-identifier group (by group index).</summary>
    public int[] GroupSizes(int groups)
    {
        var sizes = new int[groups];
        for (var i = 0; i < Count; i++)
        {
            if (At(i).Group >= 0)
            {
                sizes[At(i).Group]++;
            }
        }
        return sizes;
    }

    private int Add(ReadOnlySpan<char> clientId, int hash)
    {
        if (Count == int.MaxValue - 1)
        {
            throw new NmtInputException("the file has more than 2 billion distinct clients.");
        }
        if ((Count & (ChunkSize - 1)) == 0 && Count >> ChunkBits == _entries.Count)
        {
            _entries.Add(new Entry[ChunkSize]);
        }
        var index = Count++;
        ref var entry = ref At(index);
        entry = new Entry { Hash = hash, Key = Store(clientId), Group = -1, LastDay = -1 };
        if (Count > _buckets.Length)
        {
            Rehash(_buckets.Length * 2);
        }
        else
        {
            ref var bucket = ref _buckets[hash & (_buckets.Length - 1)];
            entry.Next = bucket;
            bucket = index + 1;
        }
        return index;
    }

    private void Rehash(int size)
    {
        _buckets = new int[size];
        for (var i = 0; i < Count; i++)
        {
            ref var entry = ref At(i);
            ref var bucket = ref _buckets[entry.Hash & (size - 1)];
            entry.Next = bucket;
            bucket = i + 1;
        }
    }

    /// <summary>Copies the id into the arena: its length, then its characters; returns where it starts.</summary>
    private long Store(ReadOnlySpan<char> clientId)
    {
        var length = clientId.Length;
        if (_arenaUsed + length + 1 > ArenaChunk)
        {
            _arena.Add(new char[ArenaChunk]);
            _arenaUsed = 0;
        }
        var chunk = _arena[^1];
        chunk[_arenaUsed] = (char)length;
        clientId[..length].CopyTo(chunk.AsSpan(_arenaUsed + 1));
        var at = ((long)(_arena.Count - 1) << 20) | (uint)_arenaUsed;
        _arenaUsed += length + 1;
        return at;
    }

    private ReadOnlySpan<char> KeyOf(in Entry entry)
    {
        var chunk = _arena[(int)(entry.Key >> 20)];
        var at = (int)(entry.Key & (ArenaChunk - 1));
        return chunk.AsSpan(at + 1, chunk[at]);
    }

    /// <summary>One client's state (32 bytes).</summary>
    [StructLayout(LayoutKind.Sequential, Pack = 4)]
    internal struct Entry
    {
        /// <summary>Sessions 1..64 seen, as bits.</summary>
        public ulong Seen;

        /// <summary>Where the id starts in the arena (chunk and offset).</summary>
        public long Key;

        /// <summary>Hash of the id.</summary>
        public int Hash;

        /// <summary>The next entry in the bucket + 1 (0 ends the chain).</summary>
        public int Next;

        /// <summary>Quasi-identifier group of the first usable row; −1 until then.</summary>
        public int Group;

        /// <summary>Last session in order (0 before the first).</summary>
        public ushort LastSession;

        /// <summary>Day of <see cref="LastSession"/>; −1 when unknown (days are whole numbers 0..3650).</summary>
        public short LastDay;
    }
}
