using System.Reflection;

namespace Nmt.Analytics.Results;

/// <summary>
/// A convention-shaped formatter (<c>MimeType</c> + <c>Format(object, TextWriter)</c>) that writes a value's
/// public parameterless-callable <c>ToHtml()</c>; used by .NET Interactive kernels via <see cref="HtmlFormatterSource"/>.
/// </summary>
public sealed class HtmlTypeFormatter
{
    /// <summary>Always <c>text/html</c>.</summary>
    public string MimeType => "text/html";

    /// <summary>Writes <paramref name="instance"/>'s HTML; false when it has no <c>ToHtml()</c>.</summary>
    public bool Format(object instance, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        var html = TryToHtml(instance);
        if (html is null)
        {
            return false;
        }
        writer.Write(html);
        return true;
    }

    /// <summary>The value's <c>ToHtml()</c> (its optional parameters at their defaults), or null when it has none.</summary>
    public static string? TryToHtml(object? instance)
    {
        var method = instance?.GetType()
            .GetMethods(BindingFlags.Public | BindingFlags.Instance)
            .FirstOrDefault(m => m.Name == "ToHtml" && m.ReturnType == typeof(string) && m.GetParameters().All(p => p.IsOptional));
        if (method is null)
        {
            return null;
        }
        var arguments = method.GetParameters().Select(p => p.DefaultValue).ToArray();
        return (string?)method.Invoke(instance, arguments);
    }
}
