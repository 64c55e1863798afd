namespace Nmt.Analytics.Notebooks;

/// <summary>A code cell ready for Roslyn: directives lifted out (commented, so line numbers stay) and magics dropped.</summary>
/// <param name="Code">The C# to compile.</param>
/// <param name="References">The <c>#r</c> directives found.</param>
/// <param name="Sources">The package sources of <c>#i "nuget: SOURCE"</c> lines, with their 1-based line.</param>
internal sealed record PreparedCell(string Code, IReadOnlyList<ReferenceDirective> References, IReadOnlyList<(string Source, int Line)> Sources);
