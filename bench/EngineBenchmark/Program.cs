using System.Globalization;
using DuckDB.NET.Data;

// Streaming generator of the engine benchmark's data: CLIENTS × SESSIONS rows as Parquet parts, written by DuckDB
// from range() one part at a time (nothing is held in memory beyond DuckDB's row groups).
// Usage: EngineBenchmark generate DIR CLIENTS SESSIONS PARTS
// Planted truth (as bench/LmmBenchmark): pain = 6 − 0.25·session + technique effect (0, −0.3, −0.5, 0.2)
// + 0.15·stress − 0.2·hydration + b₀ + b₁·session + ε, SD(b₀) = 1, SD(b₁) = 0.15, corr(b₀, b₁) = −0.3, SD(ε) = 0.8.
if (args.Length != 5 || args[0] != "generate")
{
    Console.Error.WriteLine("usage: EngineBenchmark generate DIR CLIENTS SESSIONS PARTS");
    return 1;
}
var folder = args[1];
var clients = long.Parse(args[2], CultureInfo.InvariantCulture);
var sessions = long.Parse(args[3], CultureInfo.InvariantCulture);
var parts = int.Parse(args[4], CultureInfo.InvariantCulture);
Directory.CreateDirectory(folder);
using var connection = new DuckDBConnection("Data Source=:memory:");
connection.Open();
Execute(connection, "SET memory_limit = '2GB'; SET preserve_insertion_order = false");
var perPart = (clients + parts - 1) / parts;
for (var part = 0; part < parts; part++)
{
    var first = part * perPart;
    var last = Math.Min(clients, first + perPart);
    if (first >= last)
    {
        break;
    }
    var path = Path.Combine(folder, $"part-{part:D4}.parquet");
    Execute(connection, $"COPY ({Rows(first, last, sessions)}) TO '{path}' (FORMAT PARQUET, ROW_GROUP_SIZE 1000000)");
    Console.WriteLine($"{path}: clients {first + 1}..{last}");
}
return 0;

// Uniform(0,1) draws from a hash of (row, stream): deterministic, no state, so DuckDB streams the range.
static string U(string key, int stream) => $"((hash({key}, {stream}) % 1000000007) + 0.5) / 1000000007.0";

static string Gauss(string key, int stream) => $"(sqrt(-2 * ln({U(key, stream)})) * cos(2 * pi() * {U(key, stream + 1)}))";

static string Rows(long first, long last, long sessions)
{
    var client = $"(i // {sessions})";
    var session = $"(i % {sessions} + 1)";
    var z0 = Gauss(client, 1);
    var z1 = Gauss(client, 3);
    return $"""
        SELECT 'c' || lpad(CAST({client} + 1 AS VARCHAR), 8, '0') AS client_id,
               CAST({session} AS INTEGER) AS session,
               ['ischemic_compression', 'muscle_energy', 'positional_release', 'strain_counterstrain'][t + 1] AS technique,
               stress, hydration,
               round(6 - 0.25 * {session} + [0, -0.3, -0.5, 0.2][t + 1] + 0.15 * stress - 0.2 * hydration
                     + {z0} + 0.15 * (-0.3 * {z0} + sqrt(1 - 0.09) * {z1}) * {session} + 0.8 * {Gauss("i", 5)}, 3) AS pain
        FROM (SELECT i, CAST(hash(i, 7) % 4 AS INTEGER) AS t,
                     round(least(10, greatest(0, 5 + 2 * {Gauss("i", 8)})), 1) AS stress,
                     round(least(4, greatest(0.5, 2 + 0.5 * {Gauss("i", 10)})), 2) AS hydration
              FROM range({first * sessions}, {last * sessions}) AS r(i))
        """;
}

static void Execute(DuckDBConnection connection, string sql)
{
    using var command = connection.CreateCommand();
    command.CommandText = sql;
    command.ExecuteNonQuery();
}
