using ScottPlot;

namespace Nmt.Analytics.Charts;

/// <summary>
/// The shared look of every chart: the colour-blind-safe Okabe–Ito palette (Okabe &amp; Ito 2008), fonts large
/// enough to read on a projected slide, and axis titles that carry units. Chart builders call <see cref="Apply"/>
/// and <see cref="Save"/>; they never hard-code colours or font sizes.
/// </summary>
public static class ChartTheme
{
    /// <summary>Okabe–Ito orange.</summary>
    public static readonly Color Orange = Color.FromHex("#E69F00");

    /// <summary>Okabe–Ito sky blue.</summary>
    public static readonly Color SkyBlue = Color.FromHex("#56B4E9");

    /// <summary>Okabe–Ito bluish green.</summary>
    public static readonly Color BluishGreen = Color.FromHex("#009E73");

    /// <summary>Okabe–Ito yellow.</summary>
    public static readonly Color Yellow = Color.FromHex("#F0E442");

    /// <summary>Okabe–Ito blue.</summary>
    public static readonly Color Blue = Color.FromHex("#0072B2");

    /// <summary>Okabe–Ito vermillion.</summary>
    public static readonly Color Vermillion = Color.FromHex("#D55E00");

    /// <summary>Okabe–Ito reddish purple.</summary>
    public static readonly Color ReddishPurple = Color.FromHex("#CC79A7");

    /// <summary>Text and reference lines.</summary>
    public static readonly Color Ink = Color.FromHex("#000000");

    /// <summary>Neutral grey for guides (null lines, grids).</summary>
    public static readonly Color Guide = Color.FromHex("#7F7F7F");

    /// <summary>The categorical palette in the order series should use it (black last).</summary>
    public static readonly IReadOnlyList<Color> Palette = [Blue, Orange, BluishGreen, Vermillion, SkyBlue, ReddishPurple, Yellow, Ink];

    /// <summary>
    /// The sans-serif face for every label: ScottPlot's own default resolves to a serif face on Linux, which reads poorly
    /// at slide size. A missing font falls back to ScottPlot's default.
    /// </summary>
    public const string FontName = "DejaVu Sans";

    /// <summary>Title font size (px), readable at slide size.</summary>
    public const float TitleFontSize = 26;

    /// <summary>Axis-title font size (px).</summary>
    public const float AxisLabelFontSize = 20;

    /// <summary>Tick-label font size (px).</summary>
    public const float TickFontSize = 17;

    /// <summary>Default export width (px), 3:2 slide-friendly.</summary>
    public const int DefaultWidth = 1200;

    /// <summary>Default export height (px).</summary>
    public const int DefaultHeight = 800;

    /// <summary>The i-th palette colour (cycling).</summary>
    public static Color Series(int index) => Palette[((index % Palette.Count) + Palette.Count) % Palette.Count];

    /// <summary>An axis title with its unit, e.g. <c>AxisTitle("Pain change", "NPRS points")</c> → "Pain change (NPRS points)".</summary>
    public static string AxisTitle(string quantity, string? unit) =>
        string.IsNullOrWhiteSpace(unit) ? quantity : $"{quantity} ({unit})";

    /// <summary>Applies titles and font sizes to <paramref name="plot"/>.</summary>
    public static void Apply(Plot plot, string title, string xTitle, string? yTitle = null)
    {
        ArgumentNullException.ThrowIfNull(plot);
        plot.Font.Set(FontName);
        plot.Title(title, TitleFontSize);
        plot.XLabel(xTitle, AxisLabelFontSize);
        if (yTitle is not null)
        {
            plot.YLabel(yTitle, AxisLabelFontSize);
        }
        foreach (var axis in new IAxis[] { plot.Axes.Bottom, plot.Axes.Left })
        {
            axis.TickLabelStyle.FontSize = TickFontSize;
            axis.TickLabelStyle.ForeColor = Ink;
            axis.Label.ForeColor = Ink;
        }
        InsertRenderStep(plot, new TextFitLayout(TitleFontSize, AxisLabelFontSize), after: typeof(ScottPlot.Rendering.RenderActions.CalculateLayout));
    }

    /// <summary>Legend font size (px).</summary>
    public const float LegendFontSize = 16;

    /// <summary>Default small-cell threshold: groups with fewer distinct clients are not drawn (privacy).</summary>
    public const int DefaultMinClients = 11;

    /// <summary>Shows the legend in a readable size at <paramref name="alignment"/>.</summary>
    public static void ShowLegend(Plot plot, Alignment alignment = Alignment.UpperRight)
    {
        ArgumentNullException.ThrowIfNull(plot);
        plot.Legend.IsVisible = true;
        plot.Legend.Alignment = alignment;
        plot.Legend.FontSize = LegendFontSize;
    }

    /// <summary>Writes a small note (e.g. what was suppressed) in a corner of the data area.</summary>
    public static void AddNote(Plot plot, string note, Alignment alignment = Alignment.LowerLeft)
    {
        ArgumentNullException.ThrowIfNull(plot);
        var annotation = plot.Add.Annotation(Wrap(note, NoteLineLength), alignment);
        annotation.LabelFontName = FontName; // notes added after Apply would otherwise keep ScottPlot's serif default
        annotation.LabelFontSize = LegendFontSize - 2;
        annotation.LabelFontColor = Ink;
        annotation.LabelBackgroundColor = Colors.White.WithAlpha(0.85);
        annotation.LabelBorderColor = Guide;
        annotation.LabelShadowColor = Colors.Transparent;
    }

    /// <summary>Tilt (degrees, counter-clockwise) of category labels too wide for their slot on the bottom axis (up to 60° when crowded).</summary>
    public const float CategoryLabelRotation = 35;

    /// <summary>
    /// Category labels on the bottom axis at positions 0, 1, 2, …. When the chart is rendered and the widest label is wider
    /// than its category's share of the figure, the labels are tilted by <see cref="CategoryLabelRotation"/> degrees and
    /// the bottom margin grows to hold them, so long codes (e.g. <c>ischemic_compression</c>) never overlap.
    /// </summary>
    public static void CategoryTicksBottom(Plot plot, IReadOnlyList<string> labels)
    {
        ArgumentNullException.ThrowIfNull(plot);
        ArgumentNullException.ThrowIfNull(labels);
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual(
            Enumerable.Range(0, labels.Count).Select(i => (double)i).ToArray(), labels.ToArray());
        InsertRenderStep(plot, new CategoryLabelLayout(labels.Count), before: typeof(ScottPlot.Rendering.RenderActions.CalculateLayout));
    }

    /// <summary>Whole-number ticks on the bottom axis (session numbers).</summary>
    public static void IntegerTicksBottom(Plot plot)
    {
        ArgumentNullException.ThrowIfNull(plot);
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericFixedInterval(1);
    }

    /// <summary>Longest line (characters) of a chart note before it is wrapped; fits a 900 px wide chart.</summary>
    public const int NoteLineLength = 70;

    /// <summary>Breaks <paramref name="text"/> into lines of at most <paramref name="lineLength"/> characters at spaces (existing line breaks are kept).</summary>
    public static string Wrap(string text, int lineLength)
    {
        ArgumentNullException.ThrowIfNull(text);
        var lines = new List<string>();
        foreach (var paragraph in text.Split('\n'))
        {
            var line = new System.Text.StringBuilder();
            foreach (var word in paragraph.Split(' '))
            {
                if (line.Length > 0 && line.Length + 1 + word.Length > lineLength)
                {
                    lines.Add(line.ToString());
                    line.Clear();
                }
                line.Append(line.Length > 0 ? " " : string.Empty).Append(word);
            }
            lines.Add(line.ToString());
        }
        return string.Join('\n', lines);
    }

    /// <summary>Adds a render step once per plot, next to one of ScottPlot's own steps.</summary>
    private static void InsertRenderStep(Plot plot, IRenderAction step, Type? before = null, Type? after = null)
    {
        var actions = plot.RenderManager.RenderActions;
        actions.RemoveAll(a => a.GetType() == step.GetType());
        var index = actions.FindIndex(a => a.GetType() == (before ?? after));
        actions.Insert(index < 0 ? actions.Count : before is not null ? index : index + 1, step);
    }

    /// <summary>A palette colour with transparency, e.g. for confidence bands.</summary>
    public static Color Translucent(Color color, double alpha = 0.25) => color.WithAlpha(alpha);

    /// <summary>The chart as PNG bytes (for reports and notebooks).</summary>
    public static byte[] ToPng(Plot plot, int width = DefaultWidth, int height = DefaultHeight)
    {
        ArgumentNullException.ThrowIfNull(plot);
        return plot.GetImageBytes(width, height, ImageFormat.Png);
    }

    /// <summary>The chart as an SVG document.</summary>
    public static string ToSvg(Plot plot, int width = DefaultWidth, int height = DefaultHeight)
    {
        ArgumentNullException.ThrowIfNull(plot);
        return plot.GetSvgXml(width, height);
    }

    /// <summary>Saves as PNG or SVG, chosen by the file extension.</summary>
    /// <exception cref="NmtInputException">The extension is neither .png nor .svg.</exception>
    public static void Save(Plot plot, string path, int width = DefaultWidth, int height = DefaultHeight)
    {
        ArgumentNullException.ThrowIfNull(plot);
        ArgumentNullException.ThrowIfNull(path);
        var extension = Path.GetExtension(path).ToUpperInvariant();
        switch (extension)
        {
            case ".PNG":
                plot.SavePng(path, width, height);
                break;
            case ".SVG":
                plot.SaveSvg(path, width, height);
                break;
            default:
                throw new NmtInputException($"cannot write a chart to '{path}': use a .png or .svg file name.");
        }
    }
}
