namespace Nmt.Analytics.Tests.Data;

/// <summary>Locates files of the repository (data-schema/) from the test output directory.</summary>
internal static class RepoFiles
{
    public static string Root { get; } = FindRoot();

    public static string SchemaDir => Path.Combine(Root, "data-schema");

    public static string Example(string name) => Path.Combine(SchemaDir, "examples", name);

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !Directory.Exists(Path.Combine(dir.FullName, "data-schema")))
        {
            dir = dir.Parent;
        }
        return dir?.FullName ?? throw new DirectoryNotFoundException("data-schema/ not found above the test directory");
    }

    public static Stream Text(string text) => new MemoryStream(System.Text.Encoding.UTF8.GetBytes(text));
}
