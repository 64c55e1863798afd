using System.Reflection;
using System.Text.Json.Nodes;
using Nmt.Analytics.Kernel.Protocol;

namespace Nmt.Analytics.Kernel;

/// <summary>The <c>kernel_info_reply</c> content: protocol version, implementation and the C# language info.</summary>
internal static class KernelInfo
{
    public const string Implementation = "nmt-csharp";

    public static string Version { get; } =
        typeof(KernelInfo).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0";

    public static JsonObject Content() => new()
    {
        ["status"] = "ok",
        ["protocol_version"] = JupyterMessage.ProtocolVersion,
        ["implementation"] = Implementation,
        ["implementation_version"] = Version,
        ["language_info"] = new JsonObject
        {
            ["name"] = "C#",
            ["version"] = "14.0",
            ["mimetype"] = "text/x-csharp",
            ["file_extension"] = ".cs",
            ["pygments_lexer"] = "csharp",
            ["codemirror_mode"] = "text/x-csharp",
        },
        ["banner"] = $"Nmt.Analytics C# kernel {Version} (Roslyn scripting, .NET {Environment.Version}); Nmt.Analytics is preloaded.",
        ["help_links"] = new JsonArray(),
    };
}
