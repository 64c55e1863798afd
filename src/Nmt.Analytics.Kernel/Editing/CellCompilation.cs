using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Scripting;
using Nmt.Analytics.Notebooks;

namespace Nmt.Analytics.Kernel.Editing;

/// <summary>
/// A cell being edited, compiled (not run) as the next submission of the session, so earlier cells' variables
/// and usings are in scope. Directive and magic lines are blanked with spaces, keeping every position.
/// </summary>
internal sealed record CellCompilation(SyntaxTree Tree, SemanticModel Model, string Code)
{
    public static CellCompilation Of(ScriptSession session, string code)
    {
        var blanked = Blank(code);
        var script = session.State?.Script.ContinueWith(blanked, session.Options)
            ?? CSharpScript.Create(KernelHelpers.Import, session.Options).ContinueWith(blanked, session.Options);
        var compilation = script.GetCompilation();
        var tree = compilation.SyntaxTrees.Last();
        return new CellCompilation(tree, compilation.GetSemanticModel(tree), code);
    }

    private static string Blank(string code)
    {
        var sb = new StringBuilder(code.Length);
        foreach (var line in code.Split('\n'))
        {
            if (sb.Length > 0)
            {
                sb.Append('\n');
            }
            var trimmed = line.TrimStart();
            var directive = trimmed.StartsWith("#r ", StringComparison.Ordinal) || trimmed.StartsWith("#i ", StringComparison.Ordinal)
                || trimmed.StartsWith("#!", StringComparison.Ordinal);
            sb.Append(directive ? new string(' ', line.Length) : line);
        }
        return sb.ToString();
    }
}
