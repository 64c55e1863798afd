using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Nmt.Analytics.Kernel.Editing;

/// <summary>Jupyter's <c>is_complete_request</c> (console front ends ask before running on Enter).</summary>
internal static class CodeCompleteness
{
    private static readonly CSharpParseOptions Script = CSharpParseOptions.Default.WithKind(SourceCodeKind.Script);

    /// <summary><c>complete</c>, or <c>incomplete</c> for an open brace, string or statement (Roslyn's submission check).</summary>
    public static string Status(string code)
    {
        var tree = SyntaxFactory.ParseSyntaxTree(code, Script);
        return SyntaxFactory.IsCompleteSubmission(tree) ? "complete" : "incomplete";
    }
}
