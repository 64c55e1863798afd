using System.Diagnostics.CodeAnalysis;

namespace Nmt.Analytics.Notebooks;

/// <summary>
/// The helpers a notebook calls without qualification, as in .NET Interactive, whose C# kernel submits
/// <c>using static Microsoft.DotNet.Interactive.Kernel;</c> before the first cell: <c>display(value)</c> and
/// <c>HTML(markup)</c>. The executor submits <see cref="Import"/> the same way. Being static (not members of a script
/// globals object), they add nothing else to a cell's scope: a bare <c>Equals(a, b)</c> fails here as in the kernel.
/// </summary>
[SuppressMessage("Naming", "CA1707", Justification = "Names match .NET Interactive so notebooks run unchanged.")]
public static class KernelHelpers
{
    /// <summary>The running cell's output sink (flows into the script's tasks; see <see cref="SinkSlot"/>).</summary>
    internal static SinkSlot Slot { get; } = new();

    /// <summary>The submission that brings the helpers into scope.</summary>
    public static string Import { get; } = $"using static {typeof(KernelHelpers).FullName};";

    /// <summary>Shows <paramref name="value"/> as the cell's next output (plot → PNG, table → HTML, else text).</summary>
    [SuppressMessage("Style", "IDE1006:Naming Styles", Justification = ".NET Interactive's name.")]
    public static void display(object? value)
    {
        var sink = Slot.Current ?? throw new InvalidOperationException("display() was called outside a running cell.");
        sink.ThrowIfStopped();
        sink.Add(new DisplayOutput(DisplayRenderer.Render(value)));
    }

    /// <summary>Wraps markup so that displaying it (or leaving it as the cell's value) shows HTML.</summary>
    public static HtmlString HTML(string html) => new(html);
}
