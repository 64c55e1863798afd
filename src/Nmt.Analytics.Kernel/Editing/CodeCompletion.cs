using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Nmt.Analytics.Kernel.Editing;

/// <summary>One completion: the text to insert and its kind (for the front end's icon).</summary>
internal sealed record CompletionItem(string Text, string Kind);

/// <summary>
/// Completion from the semantic model of the cell compiled as the next submission: after <c>expr.</c> the
/// members of the expression's type (static members for a type, types and namespaces for a namespace,
/// extension methods included), elsewhere every symbol in scope plus the C# keywords.
/// </summary>
internal static class CodeCompletion
{
    /// <summary>The matches for the identifier ending at <paramref name="position"/> (UTF-16), and where it starts.</summary>
    public static (int Start, IReadOnlyList<CompletionItem> Items) Complete(CellCompilation cell, int position)
    {
        var code = cell.Code;
        position = Math.Clamp(position, 0, code.Length);
        var start = TextPositions.IdentifierStart(code, position);
        var prefix = code[start..position];
        var afterDot = start > 0 && code[start - 1] == '.';
        var symbols = afterDot ? Members(cell, start) : cell.Model.LookupSymbols(start);
        var items = symbols
            .Where(s => s.CanBeReferencedByName && s.Name.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            .GroupBy(s => s.Name, StringComparer.Ordinal)
            .Select(g => new CompletionItem(g.Key, Kind(g.First())))
            .Concat(afterDot ? [] : KeywordItems(prefix))
            .OrderBy(i => !i.Text.StartsWith(prefix, StringComparison.Ordinal))
            .ThenBy(i => i.Text, StringComparer.OrdinalIgnoreCase)
            .ToList();
        return (start, items);
    }

    private static IEnumerable<ISymbol> Members(CellCompilation cell, int start)
    {
        var token = cell.Tree.GetRoot().FindToken(start - 1);
        ExpressionSyntax? left = token.Parent switch
        {
            MemberAccessExpressionSyntax access => access.Expression,
            QualifiedNameSyntax qualified => qualified.Left,
            _ => null,
        };
        if (left is null)
        {
            return [];
        }
        switch (cell.Model.GetSymbolInfo(left).Symbol)
        {
            case INamespaceSymbol ns:
                return cell.Model.LookupNamespacesAndTypes(start, ns);
            case ITypeSymbol type:
                return cell.Model.LookupStaticMembers(start, type).Concat(cell.Model.LookupNamespacesAndTypes(start, type));
        }
        var instance = cell.Model.GetTypeInfo(left).Type;
        return instance is null or IErrorTypeSymbol
            ? []
            : cell.Model.LookupSymbols(start, instance, includeReducedExtensionMethods: true)
                .Where(s => !s.IsStatic || s is IMethodSymbol { MethodKind: MethodKind.ReducedExtension });
    }

    /// <summary>The C# keywords starting with <paramref name="prefix"/> (completed as plain text).</summary>
    public static IEnumerable<CompletionItem> KeywordItems(string prefix) =>
        SyntaxFacts.GetKeywordKinds()
            .Select(SyntaxFacts.GetText)
            .Where(k => prefix.Length > 0 && k.StartsWith(prefix, StringComparison.Ordinal))
            .Distinct(StringComparer.Ordinal)
            .Select(k => new CompletionItem(k, "keyword"));

    private static string Kind(ISymbol symbol) => symbol switch
    {
        INamespaceSymbol => "module",
        INamedTypeSymbol { TypeKind: TypeKind.Class or TypeKind.Struct or TypeKind.Interface or TypeKind.Delegate } => "class",
        INamedTypeSymbol { TypeKind: TypeKind.Enum } => "enum",
        IMethodSymbol => "function",
        IPropertySymbol => "property",
        IFieldSymbol { IsConst: true } => "constant",
        IFieldSymbol or ILocalSymbol or IParameterSymbol => "variable",
        IEventSymbol => "event",
        _ => "text",
    };
}
