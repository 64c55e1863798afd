using DuckDB.NET.Data;

namespace Nmt.Analytics.Engines;

/// <summary>
/// Rows read by embedded DuckDB (out of core: it streams the files and spills to disk past its memory limit) from a
/// CSV file, a Parquet file, or a folder of Parquet parts.
/// </summary>
public sealed class DuckDbSource : SqlSource
{
    private DuckDbSource(DuckDBConnection connection, string description)
        : base(connection, description)
    {
    }

    /// <summary>Opens <paramref name="path"/> (CSV, Parquet, or a folder of <c>*.parquet</c> parts).</summary>
    /// <param name="path">The data.</param>
    /// <param name="memoryLimit">DuckDB's memory limit (e.g. <c>4GB</c>); beyond it, it spills to a temporary folder.</param>
    /// <exception cref="NmtInputException">A missing path, a folder without Parquet parts, parts whose column types differ, or a file DuckDB cannot read.</exception>
    public static DuckDbSource Open(string path, string memoryLimit = "4GB")
    {
        ArgumentNullException.ThrowIfNull(path);
        var full = Path.GetFullPath(path);
        var (from, kind) = Directory.Exists(full) ? (Glob(full), "Parquet parts")
            : File.Exists(full) ? (Single(full), full.EndsWith(".parquet", StringComparison.OrdinalIgnoreCase) ? "Parquet" : "CSV")
            : throw new NmtInputException($"file not found: {full}");
        var connection = new DuckDBConnection("Data Source=:memory:");
        connection.Open();
        var source = new DuckDbSource(connection, $"DuckDB over {full} ({kind})");
        try
        {
            source.Execute($"SET memory_limit = {SqlText.Literal(memoryLimit)}");
            source.Execute("SET preserve_insertion_order = false");
            source.Execute($"SET temp_directory = {SqlText.Literal(Path.Combine(Path.GetTempPath(), "nmt-duckdb"))}");
            if (kind != "CSV")
            {
                source.CheckPartTypes(from);
            }
            source.DefineRelation(kind == "CSV"
                ? $"read_csv({SqlText.Literal(full)}, header = true, nullstr = ['', 'NA'])"
                : $"read_parquet({from})");
            return source;
        }
        catch
        {
            source.Dispose();
            throw;
        }
    }

    private static string Single(string file) => SqlText.Literal(file);

    private static string Glob(string folder)
    {
        if (!Directory.EnumerateFiles(folder, "*.parquet").Any())
        {
            throw new NmtInputException($"the folder {folder} holds no *.parquet parts.");
        }
        return SqlText.Literal(Path.Combine(folder, "*.parquet"));
    }

    /// <summary>Refuses parts that disagree on a column's type (DuckDB would cast to the first part's type or fail mid-pass).</summary>
    private void CheckPartTypes(string from)
    {
        var types = new Dictionary<string, (string Type, string File)>(StringComparer.Ordinal);
        string? conflict = null;
        Query($"SELECT file_name, name, type, logical_type FROM parquet_schema({from}) WHERE num_children IS NULL OR num_children = 0", r =>
        {
            var file = Path.GetFileName(r.GetString(0));
            var type = r.GetString(2) + (r.IsDBNull(3) ? "" : " " + r.GetValue(3));
            var name = r.GetString(1);
            if (!types.TryAdd(name, (type, file)) && types[name].Type != type && conflict is null)
            {
                conflict = $"column '{name}' has different types across the Parquet parts: {types[name].Type} in {types[name].File}, {type} in {file}; write every part with the same schema.";
            }
        });
        if (conflict is not null)
        {
            throw new NmtInputException(conflict);
        }
    }

    /// <inheritdoc/>
    protected override bool IsEngineError(Exception exception) => exception is DuckDBException;
}
