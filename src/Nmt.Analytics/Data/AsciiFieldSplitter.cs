using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Nmt.Analytics.Data;

/// <summary>
/// Finds every delimiter of a quote-free record in one vectorised pass over its bytes: each 32- or 16-byte block is
/// compared with the delimiter at once and the matches are read off the bit mask, the way simdjson and simdcsv find
/// structural characters (Langdale and Lemire 2019, "Parsing gigabytes of JSON per second", VLDB Journal 28). A
/// session record has ~30 short fields, so one search per field would spend its time starting searches.
/// </summary>
internal static class AsciiFieldSplitter
{
    /// <summary>
    /// Writes the start and length of every field of <paramref name="record"/> (byte offsets) and returns how many there
    /// are; the arrays grow as needed. The delimiter must be ASCII, so it never occurs inside a multi-byte character.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static int Split(ReadOnlySpan<byte> record, byte delimiter, ref int[] starts, ref int[] lengths)
    {
        var state = new State(starts, lengths);
        ref var first = ref MemoryMarshal.GetReference(record);
        var i = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            var target = Vector256.Create(delimiter);
            for (; i + Vector256<byte>.Count <= record.Length; i += Vector256<byte>.Count)
            {
                state.AddAll(Vector256.Equals(Vector256.LoadUnsafe(ref first, (nuint)i), target).ExtractMostSignificantBits(), i);
            }
        }
        if (Vector128.IsHardwareAccelerated)
        {
            var target = Vector128.Create(delimiter);
            for (; i + Vector128<byte>.Count <= record.Length; i += Vector128<byte>.Count)
            {
                state.AddAll(Vector128.Equals(Vector128.LoadUnsafe(ref first, (nuint)i), target).ExtractMostSignificantBits(), i);
            }
        }
        for (; i < record.Length; i++)
        {
            if (record[i] == delimiter)
            {
                state.Add(i);
            }
        }
        state.Add(record.Length);
        (starts, lengths) = (state.Starts, state.Lengths);
        return state.Count;
    }

    /// <summary>The fields found so far: each delimiter (or the record's end) closes the field that began after the last one.</summary>
    private struct State(int[] starts, int[] lengths)
    {
        public int[] Starts = starts;
        public int[] Lengths = lengths;
        public int Count;
        private int _start;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void AddAll(uint mask, int offset)
        {
            for (; mask != 0; mask &= mask - 1)
            {
                Add(offset + BitOperations.TrailingZeroCount(mask));
            }
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void Add(int end)
        {
            if (Count == Starts.Length)
            {
                Array.Resize(ref Starts, 2 * Count);
                Array.Resize(ref Lengths, 2 * Count);
            }
            Starts[Count] = _start;
            Lengths[Count++] = end - _start;
            _start = end + 1;
        }
    }
}
