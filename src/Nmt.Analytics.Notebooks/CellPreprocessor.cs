using System.Text;
using System.Text.RegularExpressions;

namespace Nmt.Analytics.Notebooks;

/// <summary>
/// Turns a Polyglot C# cell into plain C# script: lifts <c>#r</c> and <c>#i "nuget: SOURCE"</c> lines out (Roslyn
/// would try to resolve them itself and fail on <c>nuget:</c>), drops harmless magics and refuses all others. Lifted
/// lines become comments so compiler line numbers still match the cell.
/// </summary>
internal static partial class CellPreprocessor
{
    /// <summary>Magics that change nothing for a C#-only run.</summary>
    private static readonly HashSet<string> HarmlessMagics = new(StringComparer.Ordinal) { "#!csharp", "#!c#", "#!C#", "#!time" };

    public static PreparedCell Prepare(string source)
    {
        var lines = source.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        var references = new List<ReferenceDirective>();
        var sources = new List<(string Source, int Line)>();
        var code = new StringBuilder();
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            var trimmed = line.TrimStart();
            if (trimmed.StartsWith("#!", StringComparison.Ordinal))
            {
                CheckMagic(trimmed, i + 1);
                line = "// " + line;
            }
            else if (ReferenceLine().Match(trimmed) is { Success: true } r)
            {
                references.Add(Reference(r.Groups["target"].Value, i + 1));
                line = "// " + line;
            }
            else if (IncludeLine().Match(trimmed) is { Success: true } include)
            {
                sources.Add((include.Groups["source"].Value, i + 1));
                line = "// " + line;
            }
            code.Append(line);
            if (i < lines.Length - 1)
            {
                code.Append('\n');
            }
        }
        return new PreparedCell(code.ToString(), references, sources);
    }

    private static void CheckMagic(string trimmed, int line)
    {
        var magic = trimmed.Split(' ', 2)[0];
        if (!HarmlessMagics.Contains(magic))
        {
            throw new CellRefusedException(
                $"line {line}: magic command '{magic}' is not supported by `nmt notebook run` (it runs C# only; allowed: #!csharp, #!time)");
        }
    }

    private static ReferenceDirective Reference(string target, int line)
    {
        if (!target.StartsWith("nuget:", StringComparison.OrdinalIgnoreCase))
        {
            return new ReferenceDirective(line, target, false, null);
        }
        var parts = target["nuget:".Length..].Split(',', 2, StringSplitOptions.TrimEntries);
        var version = parts.Length > 1 && parts[1].Length > 0 ? parts[1] : null;
        return new ReferenceDirective(line, parts[0], true, version);
    }

    [GeneratedRegex("""^#r\s+"(?<target>[^"]+)"\s*(//.*)?$""")]
    private static partial Regex ReferenceLine();

    [GeneratedRegex("""^#i\s+"\s*(nuget:)?(?<source>[^"]*)"\s*(//.*)?$""")]
    private static partial Regex IncludeLine();
}
