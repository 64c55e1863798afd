using System.Runtime.InteropServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Scripting;

namespace Nmt.Analytics.Notebooks;

/// <summary>
/// The compile environment a notebook starts with, as in a .NET Interactive kernel: the .NET runtime's own assemblies
/// and <see cref="DefaultImports"/>, nothing of this application but <see cref="KernelHelpers"/>. Packages and DLLs come only from the notebook's
/// <c>#r</c> lines; an assembly this process already loaded (Nmt.Analytics, ScottPlot, …) is referenced as the
/// loaded copy, so a notebook's values are the types the display code knows.
/// </summary>
internal static class ScriptEnvironment
{
    private static readonly Lazy<ScriptOptions> Shared = new(Build);

    private static readonly Lazy<ScriptOptions> SharedPreloaded = new(BuildPreloaded);

    private static readonly Lazy<(Dictionary<string, string> Framework, Dictionary<string, string> Application)> Loaded = new(Split);

    public static ScriptOptions Options => Shared.Value;

    /// <summary>
    /// <see cref="Options"/> plus every assembly of this application (Nmt.Analytics and its dependencies), for the
    /// nmt-csharp kernel, which preloads the library so a first cell can say <c>using Nmt.Analytics.Data;</c>.
    /// </summary>
    public static ScriptOptions PreloadedOptions => SharedPreloaded.Value;

    /// <summary>True when this application carries an assembly named <paramref name="name"/> (a preloaded package).</summary>
    public static bool Preloaded(string name) => Loaded.Value.Application.ContainsKey(name);

    /// <summary>
    /// The reference to use for an assembly file a <c>#r</c> brought in, or null when the runtime itself provides that
    /// assembly (a package copy of a framework assembly would only clash with it).
    /// </summary>
    public static MetadataReference? ReferenceFor(string path)
    {
        var name = Path.GetFileNameWithoutExtension(path);
        var (framework, application) = Loaded.Value;
        if (framework.ContainsKey(name))
        {
            return null;
        }
        return MetadataReference.CreateFromFile(application.TryGetValue(name, out var own) ? own : path);
    }

    /// <summary>
    /// True when the running .NET itself has an assembly named <paramref name="packageId"/> (System.Memory,
    /// System.Reflection.Emit.Lightweight, …): such a package is pruned from a restore for .NET 10, as NuGet does.
    /// </summary>
    public static bool ProvidedByRuntime(string packageId) => Loaded.Value.Framework.ContainsKey(packageId);

    private static ScriptOptions Build() =>
        ScriptOptions.Default
            .WithReferences(Loaded.Value.Framework.Values.Append(typeof(KernelHelpers).Assembly.Location)
                .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p)))
            .WithImports(DefaultImports.Namespaces)
            .WithEmitDebugInformation(true)
            .WithFileEncoding(System.Text.Encoding.UTF8);

    private static ScriptOptions BuildPreloaded() => Options.AddReferences(
        Loaded.Value.Application.Values.Where(IsManaged).Select(p => (MetadataReference)MetadataReference.CreateFromFile(p)));

    private static bool IsManaged(string path)
    {
        try
        {
            System.Reflection.AssemblyName.GetAssemblyName(path);
            return true;
        }
        catch (BadImageFormatException)
        {
            return false;
        }
    }

    /// <summary>The trusted platform assemblies by simple name: the runtime's folder vs. the application's own.</summary>
    private static (Dictionary<string, string>, Dictionary<string, string>) Split()
    {
        var runtime = Path.GetFullPath(RuntimeEnvironment.GetRuntimeDirectory());
        var framework = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var application = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var path in (AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") as string ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            if (!File.Exists(path))
            {
                continue;
            }
            var target = Path.GetFullPath(path).StartsWith(runtime, StringComparison.Ordinal) ? framework : application;
            target.TryAdd(Path.GetFileNameWithoutExtension(path), path);
        }
        return (framework, application);
    }
}
