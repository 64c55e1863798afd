namespace Nmt.Analytics.Notebooks;

/// <summary>A package a notebook asks for with <c>#r "nuget: Id, Version"</c>.</summary>
/// <param name="Id">The package id.</param>
/// <param name="Version">The version as written (a minimum, as in a PackageReference), or null for the highest available.</param>
/// <param name="Line">1-based line within the cell, for messages.</param>
public sealed record PackageRequest(string Id, string? Version, int Line);
