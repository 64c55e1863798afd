using System.Diagnostics.CodeAnalysis;

namespace Nmt.Analytics.Notebooks;

/// <summary>
/// What a notebook's C# sees besides its own code, mirroring .NET Interactive: <c>display(value)</c> and
/// <c>HTML(markup)</c>. One instance lives for the whole run, so cells share it.
/// </summary>
[SuppressMessage("Naming", "CA1707", Justification = "Names match .NET Interactive so notebooks run unchanged.")]
public sealed class NotebookGlobals
{
    internal SinkSlot Slot { get; } = new();

    /// <summary>Shows <paramref name="value"/> as the cell's next output (plot → PNG, table → HTML, else text).</summary>
    [SuppressMessage("Style", "IDE1006:Naming Styles", Justification = ".NET Interactive's name.")]
    public void display(object? value)
    {
        var sink = Slot.Current ?? throw new InvalidOperationException("display() was called outside a running cell.");
        sink.ThrowIfStopped();
        sink.Add(new DisplayOutput(DisplayRenderer.Render(value)));
    }

    /// <summary>Wraps markup so that displaying it (or leaving it as the cell's value) shows HTML.</summary>
    [SuppressMessage("Style", "IDE1006:Naming Styles", Justification = ".NET Interactive's name.")]
    [SuppressMessage("Performance", "CA1822:Mark members as static", Justification = "Script globals are instance members.")]
    public HtmlString HTML(string html) => new(html);
}
