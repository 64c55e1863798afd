using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;

namespace Nmt.Analytics.Data;

/// <summary>
/// What the validator remembers per client while streaming — sessions seen, last session and day, the quasi-identifier
/// group — in about 36 bytes per client: the id's bytes in a shared arena (one byte per character for Latin-1 ids, no
/// string per client), a 20-byte entry in fixed-size chunks (no large array copied as the table grows) and a bucket
/// index. Memory therefore grows with the number of clients only, and slowly (about 70 MB for 2 million clients).
/// </summary>
internal sealed class ClientTable
{
    private const int ChunkBits = 16;
    private const int ChunkSize = 1 << ChunkBits;
    private const int ArenaBits = 20;
    private const int ArenaChunk = 1 << ArenaBits;
    private const int MaxKeyBytes = 1024;

    private readonly List<Entry[]> _entries = [];
    private readonly List<byte[]> _arena = [];
    private readonly Dictionary<int, HashSet<int>> _highSessions = [];
    private int[] _buckets = new int[1024];
    private int _arenaUsed = ArenaChunk;

    /// <summary>Clients seen.</summary>
    public int Count { get; private set; }

    /// <summary>The index of <paramref name="clientId"/>; <paramref name="added"/> is true when it was new.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public int GetOrAdd(ReadOnlySpan<char> clientId, out bool added)
    {
        Span<byte> buffer = stackalloc byte[MaxKeyBytes];
        var key = Encode(clientId, buffer);
        var hash = Hash(key);
        for (var i = _buckets[hash & (_buckets.Length - 1)] - 1; i >= 0; i = At(i).Next - 1)
        {
            if (KeyOf(At(i)).SequenceEqual(key))
            {
                added = false;
                return i;
            }
        }
        added = true;
        return Add(key, hash);
    }

    /// <summary>The state of client <paramref name="index"/> (valid until the next <see cref="GetOrAdd"/>).</summary>
    public ref Entry At(int index) => ref _entries[index >> ChunkBits][index & (ChunkSize - 1)];

    /// <summary>Marks <paramref name="session"/> as seen for client <paramref name="index"/>; false when it was seen before.</summary>
    public bool MarkSession(int index, int session)
    {
        // Sessions 1..32 in a bit mask: no allocation for typical courses of treatment; later ones in a set.
        if (session is >= 1 and <= 32)
        {
            ref var entry = ref At(index);
            var bit = 1U << (session - 1);
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

    /// <summary>
    /// The id as bytes: a marker (0 = one byte per character, 1 = UTF-16) then the characters; ids are cut to
    /// 1,000 characters (longer ones are not plausible client codes; they still differ by their first 1,000).
    /// </summary>
    private static ReadOnlySpan<byte> Encode(ReadOnlySpan<char> id, Span<byte> buffer)
    {
        id = id[..Math.Min(id.Length, (MaxKeyBytes / 2) - 1)];
        if (!id.ContainsAnyExceptInRange('\0', '\u00FF') && id.Length < MaxKeyBytes)
        {
            buffer[0] = 0;
            var n = Encoding.Latin1.GetBytes(id, buffer[1..]);
            return buffer[..(n + 1)];
        }
        buffer[0] = 1;
        var wide = MemoryMarshal.AsBytes(id);
        wide.CopyTo(buffer[1..]);
        return buffer[..(wide.Length + 1)];
    }

    private static int Hash(ReadOnlySpan<byte> key)
    {
        var hash = new HashCode();
        hash.AddBytes(key);
        return hash.ToHashCode();
    }

    private int Add(ReadOnlySpan<byte> key, int hash)
    {
        if (Count == int.MaxValue - 1)
        {
            throw new NmtInputException("the file has more than 2 billion distinct clients.");
        }
        if (Count >> ChunkBits == _entries.Count)
        {
            _entries.Add(new Entry[ChunkSize]);
        }
        var index = Count++;
        ref var entry = ref At(index);
        entry = new Entry { Key = Store(key), Group = -1, LastDay = -1 };
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
            ref var bucket = ref _buckets[Hash(KeyOf(entry)) & (size - 1)];
            entry.Next = bucket;
            bucket = i + 1;
        }
    }

    /// <summary>Copies the key into the arena after a two-byte length; returns where it starts (chunk and offset).</summary>
    private uint Store(ReadOnlySpan<byte> key)
    {
        if (_arenaUsed + key.Length + 2 > ArenaChunk)
        {
            _arena.Add(new byte[ArenaChunk]);
            _arenaUsed = 0;
        }
        var chunk = _arena[^1];
        BitConverter.TryWriteBytes(chunk.AsSpan(_arenaUsed), (ushort)key.Length);
        key.CopyTo(chunk.AsSpan(_arenaUsed + 2));
        var at = ((uint)(_arena.Count - 1) << ArenaBits) | (uint)_arenaUsed;
        _arenaUsed += key.Length + 2;
        return at;
    }

    private ReadOnlySpan<byte> KeyOf(in Entry entry)
    {
        var chunk = _arena[(int)(entry.Key >> ArenaBits)];
        var at = (int)(entry.Key & (ArenaChunk - 1));
        return chunk.AsSpan(at + 2, BitConverter.ToUInt16(chunk, at));
    }

    /// <summary>One client's state (20 bytes).</summary>
    [StructLayout(LayoutKind.Sequential, Pack = 4)]
    internal struct Entry
    {
        /// <summary>Sessions 1..32 seen, as bits.</summary>
        public uint Seen;

        /// <summary>Where the id starts in the arena (chunk and offset).</summary>
        public uint Key;

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
