namespace Nmt.Analytics.Notebooks;

/// <summary>
/// The namespaces a notebook's C# sees without a <c>using</c>: exactly those of the .NET Interactive C# kernel
/// (dotnet/interactive, <c>CSharpKernel</c>'s <c>ScriptOptions.AddImports</c>, tool 1.0.712001), so a notebook that
/// compiles here compiles there. Anything else (<c>System.IO</c>, <c>System.Globalization</c>, the library's
/// namespaces, ScottPlot) needs its own <c>using</c> line in the notebook.
/// </summary>
public static class DefaultImports
{
    /// <summary>The imported namespaces, in the kernel's order.</summary>
    public static IReadOnlyList<string> Namespaces { get; } =
    [
        "System",
        "System.Text",
        "System.Collections",
        "System.Collections.Generic",
        "System.Threading.Tasks",
        "System.Linq",
    ];
}
