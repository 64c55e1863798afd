namespace Nmt.Analytics.Notebooks;

/// <summary>A <c>#r</c> line lifted out of a cell: a DLL path or a NuGet package (with its optional version).</summary>
/// <param name="Line">1-based line within the cell.</param>
/// <param name="Target">The DLL path, or the package id for <c>nuget:</c>.</param>
/// <param name="IsNuGet">True for <c>#r "nuget: Name, version"</c>.</param>
/// <param name="Version">The requested package version, if any.</param>
internal sealed record ReferenceDirective(int Line, string Target, bool IsNuGet, string? Version);
