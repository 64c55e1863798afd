using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Scripting;

namespace Nmt.Analytics.Notebooks;

/// <summary>
/// The compile environment of every notebook: <see cref="ScriptOptions.Default"/> references almost nothing, so
/// we add the runtime's trusted platform assemblies (the whole app: framework plus every package it loaded)
/// and the carried packages, and import the common namespaces plus every public Nmt.Analytics namespace.
/// </summary>
internal static class ScriptEnvironment
{
    private static readonly Lazy<ScriptOptions> Shared = new(Build);

    public static ScriptOptions Options => Shared.Value;

    private static ScriptOptions Build()
    {
        var paths = (AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") as string ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Concat(CarriedPackages.Assemblies.Select(a => a.Location))
            .Where(p => p.Length > 0 && File.Exists(p))
            .Distinct(StringComparer.Ordinal);
        var references = paths.Select(p => (MetadataReference)MetadataReference.CreateFromFile(p));
        return ScriptOptions.Default
            .WithReferences(references)
            .WithImports(Imports())
            .WithEmitDebugInformation(true)
            .WithFileEncoding(System.Text.Encoding.UTF8);
    }

    private static IEnumerable<string> Imports()
    {
        // .NET Interactive's C# kernel imports System, System.Text, System.Linq, System.Collections.Generic and System.Threading.Tasks.
        string[] common = ["System", "System.IO", "System.Text", "System.Linq", "System.Collections.Generic", "System.Globalization", "System.Threading.Tasks"];
        var library = typeof(Results.ResultTable).Assembly.GetExportedTypes()
            .Select(t => t.Namespace)
            .OfType<string>()
            .Where(n => n.StartsWith("Nmt.Analytics", StringComparison.Ordinal))
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal);
        return common.Concat(library);
    }

    /// <summary>A reference to an assembly already loaded with the executor (so types stay identical to ours).</summary>
    public static MetadataReference Reference(Assembly assembly) => MetadataReference.CreateFromFile(assembly.Location);
}
