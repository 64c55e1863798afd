using System.Globalization;
using MathNet.Numerics.LinearAlgebra;
using Nmt.Analytics.Data;
using Nmt.Analytics.Formulas;

namespace LmmBenchmark;

/// <summary>
/// A deliberately simple CSV load for the benchmark (the real <c>nmt fit</c> path goes through the data loader and the
/// formula layer): builds the model frame of <c>pain ~ session + technique + stress + hydration + (session | client_id)</c>
/// with treatment contrasts for technique (first level in sorted order is the reference).
/// </summary>
internal static class BenchFrameLoader
{
    public static ModelFrame Load(string path, string slope = "session", int clinics = 0)
    {
        var bytes = File.ReadAllBytes(path);
        var data = bytes.AsSpan();
        var headerEnd = data.IndexOf((byte)'\n');
        var header = System.Text.Encoding.UTF8.GetString(data[..headerEnd]).TrimEnd('\r').Split(',');
        int ci = Array.IndexOf(header, "client_id"), si = Array.IndexOf(header, "session"), ti = Array.IndexOf(header, "technique"),
            sti = Array.IndexOf(header, "stress"), hi = Array.IndexOf(header, "hydration"), pi = Array.IndexOf(header, "pain");
        var capacity = data.Count((byte)'\n');
        var clientIds = new List<string>(capacity);
        var session = new List<double>(capacity);
        var technique = new List<string>(capacity);
        var stress = new List<double>(capacity);
        var hydration = new List<double>(capacity);
        var pain = new List<double>(capacity);
        var techniquePool = new Dictionary<string, string>(StringComparer.Ordinal);
        Span<Range> fields = stackalloc Range[header.Length + 1];
        var rest = data[(headerEnd + 1)..];
        ReadOnlySpan<byte> lastClient = default;
        string lastClientText = "";
        while (!rest.IsEmpty)
        {
            var end = rest.IndexOf((byte)'\n');
            var line = end < 0 ? rest : rest[..end];
            rest = end < 0 ? default : rest[(end + 1)..];
            if (line.Length > 0 && line[^1] == (byte)'\r')
            {
                line = line[..^1];
            }
            if (line.IsEmpty)
            {
                continue;
            }
            SplitFields(line, fields);
            var client = line[fields[ci]];
            if (!client.SequenceEqual(lastClient))
            {
                lastClient = client;
                lastClientText = System.Text.Encoding.UTF8.GetString(client);
            }
            clientIds.Add(lastClientText);
            technique.Add(Intern(techniquePool, line[fields[ti]]));
            session.Add(ParseNumber(line[fields[si]]));
            stress.Add(ParseNumber(line[fields[sti]]));
            hydration.Add(ParseNumber(line[fields[hi]]));
            pain.Add(ParseNumber(line[fields[pi]]));
        }
        return Build(clientIds, session, technique, stress, hydration, pain, slope, clinics);
    }

    private static readonly double[] PowersOfTen = [1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15];

    /// <summary>
    /// Plain decimals (<c>-12.345</c>) with at most 15 digits: the integer mantissa and 10^k are exact doubles, so one
    /// division gives the correctly rounded value, identical to <see cref="double.Parse(string)"/>. Anything else
    /// (exponents, long numbers) goes to <see cref="double.Parse(ReadOnlySpan{byte}, IFormatProvider?)"/>.
    /// </summary>
    private static double ParseNumber(ReadOnlySpan<byte> text)
    {
        var i = 0;
        var negative = text.Length > 0 && text[0] == (byte)'-';
        if (negative)
        {
            i = 1;
        }
        long mantissa = 0;
        int digits = 0, decimals = -1;
        for (; i < text.Length; i++)
        {
            var ch = text[i];
            if (ch == (byte)'.' && decimals < 0)
            {
                decimals = 0;
                continue;
            }
            if (ch < (byte)'0' || ch > (byte)'9' || ++digits > 15)
            {
                return double.Parse(text, CultureInfo.InvariantCulture);
            }
            mantissa = (mantissa * 10) + (ch - (byte)'0');
            if (decimals >= 0)
            {
                decimals++;
            }
        }
        if (digits == 0)
        {
            return double.Parse(text, CultureInfo.InvariantCulture);
        }
        var value = decimals > 0 ? mantissa / PowersOfTen[decimals] : mantissa;
        return negative ? -value : value;
    }

    private static void SplitFields(ReadOnlySpan<byte> line, Span<Range> fields)
    {
        var start = 0;
        var f = 0;
        for (var i = 0; i < line.Length && f < fields.Length - 1; i++)
        {
            if (line[i] == (byte)',')
            {
                fields[f++] = new Range(start, i);
                start = i + 1;
            }
        }
        fields[f] = new Range(start, line.Length);
    }

    private static string Intern(Dictionary<string, string> pool, ReadOnlySpan<byte> utf8)
    {
        Span<char> chars = stackalloc char[utf8.Length];
        var n = System.Text.Encoding.UTF8.GetChars(utf8, chars);
        var lookup = pool.GetAlternateLookup<ReadOnlySpan<char>>();
        if (!lookup.TryGetValue(chars[..n], out var s))
        {
            s = new string(chars[..n]);
            pool[s] = s;
        }
        return s;
    }

    private static ModelFrame Build(List<string> clientIds, List<double> session, List<string> technique, List<double> stress, List<double> hydration, List<double> pain, string slope, int clinics)
    {
        var n = pain.Count;
        var techLevels = technique.Distinct().OrderBy(t => t, StringComparer.Ordinal).ToArray();
        var names = new List<string> { "(Intercept)", "session" };
        names.AddRange(techLevels.Skip(1).Select(l => "technique" + l));
        names.Add("stress");
        names.Add("hydration");
        var p = names.Count;
        var x = new double[n * p];
        var techIndex = techLevels.Select((l, i) => (l, i)).ToDictionary(t => t.l, t => t.i, StringComparer.Ordinal);
        for (var i = 0; i < n; i++)
        {
            x[i] = 1;
            x[n + i] = session[i];
            var t = techIndex[technique[i]];
            if (t > 0)
            {
                x[((1 + t) * n) + i] = 1;
            }
            x[((p - 2) * n) + i] = stress[i];
            x[((p - 1) * n) + i] = hydration[i];
        }
        var levels = clientIds.Distinct().OrderBy(c => c, StringComparer.Ordinal).ToArray();
        var levelIndex = levels.Select((l, i) => (l, i)).ToDictionary(t => t.l, t => t.i, StringComparer.Ordinal);
        var groupIndex = new int[n];
        string? previous = null;
        var previousIndex = -1;
        for (var i = 0; i < n; i++)
        {
            if (!ReferenceEquals(clientIds[i], previous))
            {
                previous = clientIds[i];
                previousIndex = levelIndex[previous];
            }
            groupIndex[i] = previousIndex;
        }
        var z = new double[n * 2];
        for (var i = 0; i < n; i++)
        {
            z[i] = 1;
            z[n + i] = slope == "stress" ? stress[i] : session[i];
        }
        var block = new RandomEffectBlock("client_id", ["(Intercept)", slope], groupIndex, levels,
            Matrix<double>.Build.Dense(n, 2, z));
        var blocks = new List<RandomEffectBlock> { block };
        var formula = $"pain ~ session + technique + stress + hydration + ({slope} | client_id)";
        if (clinics > 0)
        {
            // Clients are assigned to clinics round-robin: (1 | clinic_id) crossed-in-form, nested-in-fact with client_id.
            var clinicLevels = Enumerable.Range(0, clinics).Select(k => "k" + k.ToString("D4", CultureInfo.InvariantCulture)).ToArray();
            var clinicIndex = groupIndex.Select(g => g % clinics).ToArray();
            blocks.Add(new RandomEffectBlock("clinic_id", ["(Intercept)"], clinicIndex, clinicLevels, Matrix<double>.Build.Dense(n, 1, 1.0)));
            formula += " + (1 | clinic_id)";
        }
        return new ModelFrame(formula, "pain",
            Vector<double>.Build.Dense(pain.ToArray()), Matrix<double>.Build.Dense(n, p, x), names, blocks,
            Enumerable.Range(0, n).ToArray(), Array.Empty<RowExclusion>());
    }
}
