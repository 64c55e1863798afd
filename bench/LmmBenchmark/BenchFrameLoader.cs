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
    public static ModelFrame Load(string path)
    {
        var clientIds = new List<string>(1 << 20);
        var session = new List<double>(1 << 20);
        var technique = new List<string>(1 << 20);
        var stress = new List<double>(1 << 20);
        var hydration = new List<double>(1 << 20);
        var pain = new List<double>(1 << 20);
        var clientPool = new Dictionary<string, string>(StringComparer.Ordinal);
        var techniquePool = new Dictionary<string, string>(StringComparer.Ordinal);
        using (var reader = new StreamReader(path, System.Text.Encoding.UTF8, false, 1 << 20))
        {
            var header = reader.ReadLine()!.Split(',');
            int ci = Array.IndexOf(header, "client_id"), si = Array.IndexOf(header, "session"), ti = Array.IndexOf(header, "technique"),
                sti = Array.IndexOf(header, "stress"), hi = Array.IndexOf(header, "hydration"), pi = Array.IndexOf(header, "pain");
            string? line;
            Span<Range> fields = stackalloc Range[header.Length + 1];
            while ((line = reader.ReadLine()) != null)
            {
                var span = line.AsSpan();
                span.Split(fields, ',');
                clientIds.Add(Intern(clientPool, span[fields[ci]]));
                technique.Add(Intern(techniquePool, span[fields[ti]]));
                session.Add(double.Parse(span[fields[si]], CultureInfo.InvariantCulture));
                stress.Add(double.Parse(span[fields[sti]], CultureInfo.InvariantCulture));
                hydration.Add(double.Parse(span[fields[hi]], CultureInfo.InvariantCulture));
                pain.Add(double.Parse(span[fields[pi]], CultureInfo.InvariantCulture));
            }
        }
        return Build(clientIds, session, technique, stress, hydration, pain);
    }

    private static string Intern(Dictionary<string, string> pool, ReadOnlySpan<char> value)
    {
        var lookup = pool.GetAlternateLookup<ReadOnlySpan<char>>();
        if (!lookup.TryGetValue(value, out var s))
        {
            s = value.ToString();
            pool[s] = s;
        }
        return s;
    }

    private static ModelFrame Build(List<string> clientIds, List<double> session, List<string> technique, List<double> stress, List<double> hydration, List<double> pain)
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
        var groupIndex = clientIds.Select(c => levelIndex[c]).ToArray();
        var z = new double[n * 2];
        for (var i = 0; i < n; i++)
        {
            z[i] = 1;
            z[n + i] = session[i];
        }
        var block = new RandomEffectBlock("client_id", ["(Intercept)", "session"], groupIndex, levels,
            Matrix<double>.Build.Dense(n, 2, z));
        return new ModelFrame("pain ~ session + technique + stress + hydration + (session | client_id)", "pain",
            Vector<double>.Build.Dense(pain.ToArray()), Matrix<double>.Build.Dense(n, p, x), names, [block],
            Enumerable.Range(0, n).ToArray(), Array.Empty<RowExclusion>());
    }
}
