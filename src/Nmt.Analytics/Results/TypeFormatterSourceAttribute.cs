namespace Nmt.Analytics.Results;

/// <summary>
/// Tells a .NET Interactive kernel (Polyglot / Jupyter) how to render a type, without this library
/// referencing Microsoft.DotNet.Interactive: the kernel's <c>Formatter</c> matches this attribute by its
/// type name and reads <see cref="FormatterSourceType"/> and <see cref="PreferredMimeTypes"/> by reflection
/// (dotnet/interactive, <c>Formatter.TryRegisterFromConventionBasedFormatterSources</c>).
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Struct, AllowMultiple = true, Inherited = true)]
public sealed class TypeFormatterSourceAttribute : Attribute
{
    /// <summary>Names the class whose <c>CreateTypeFormatters()</c> yields the formatters.</summary>
    public TypeFormatterSourceAttribute(Type formatterSourceType) => FormatterSourceType = formatterSourceType;

    /// <summary>A class with a public parameterless constructor and a <c>CreateTypeFormatters()</c> method.</summary>
    public Type FormatterSourceType { get; }

    /// <summary>The MIME types the kernel should prefer for the annotated type, e.g. <c>text/html</c>.</summary>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Performance", "CA1819:Properties should not return arrays", Justification = "Attribute arguments must be arrays, and the kernel reads a string[].")]
    public string[]? PreferredMimeTypes { get; set; }
}
