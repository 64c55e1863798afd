using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Nmt.Analytics.Kernel.Editing;

/// <summary>
/// What the symbol under the cursor is (Jupyter's <c>inspect_request</c>, Shift+Tab): its declaration, and for a
/// method every overload, from the cell's semantic model.
/// </summary>
internal static class CodeInspection
{
    private static readonly SymbolDisplayFormat Format = SymbolDisplayFormat.CSharpErrorMessageFormat
        .AddParameterOptions(SymbolDisplayParameterOptions.IncludeName | SymbolDisplayParameterOptions.IncludeDefaultValue)
        .AddMemberOptions(SymbolDisplayMemberOptions.IncludeType | SymbolDisplayMemberOptions.IncludeContainingType);

    private static readonly SymbolDisplayFormat VariableFormat = SymbolDisplayFormat.CSharpErrorMessageFormat
        .WithMemberOptions(SymbolDisplayMemberOptions.IncludeType);

    /// <summary>Lines describing the symbol at <paramref name="position"/> (UTF-16), or null if there is none.</summary>
    public static string? Describe(CellCompilation cell, int position)
    {
        var code = cell.Code;
        position = Math.Clamp(position, 0, code.Length);
        // The cursor usually sits just after the name, or inside it; aim at the name's last character.
        var end = TextPositions.IdentifierEnd(code, position);
        var at = end > 0 && TextPositions.IsIdentifierChar(code[end - 1]) ? end - 1 : position;
        var symbol = SymbolAt(cell, at);
        if (symbol is null)
        {
            return null;
        }
        var overloads = symbol is IMethodSymbol { ContainingType: { } type }
            ? type.GetMembers(symbol.Name).OfType<IMethodSymbol>().Cast<ISymbol>().ToList()
            : [symbol];
        var lines = overloads.Select(s => $"{Kind(s)} {s.ToDisplayString(IsCellVariable(s) ? VariableFormat : Format)}");
        return string.Join('\n', lines);
    }

    /// <summary>A cell's top-level variable, which Roslyn scripting compiles as a field of the submission class.</summary>
    private static bool IsCellVariable(ISymbol symbol) => symbol is IFieldSymbol { ContainingType.IsScriptClass: true };

    private static ISymbol? SymbolAt(CellCompilation cell, int position)
    {
        var token = cell.Tree.GetRoot().FindToken(position);
        for (var node = token.Parent; node is not null; node = node.Parent)
        {
            var info = cell.Model.GetSymbolInfo(node);
            var symbol = info.Symbol ?? info.CandidateSymbols.FirstOrDefault() ?? cell.Model.GetDeclaredSymbol(node);
            if (symbol is not null)
            {
                return symbol is IMethodSymbol { ReducedFrom: { } original } ? original : symbol;
            }
            if (node is StatementSyntax or MemberDeclarationSyntax)
            {
                return null;
            }
        }
        return null;
    }

    private static string Kind(ISymbol symbol) => symbol switch
    {
        _ when IsCellVariable(symbol) => "variable",
        INamespaceSymbol => "namespace",
        INamedTypeSymbol named => named.TypeKind.ToString().ToLowerInvariant(),
        IMethodSymbol => "method",
        IPropertySymbol => "property",
        IFieldSymbol => "field",
        ILocalSymbol => "local",
        IParameterSymbol => "parameter",
        _ => symbol.Kind.ToString().ToLowerInvariant(),
    };
}
