using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Governance.Bench.Registry;
using Governance.TestSupport;

// Registry benchmark (not a test): starts the built server as a process on SQLite, and on PostgreSQL when its binaries
// are installed, and reports lookups by id next to the trivial GET / on the same server, and registration latency
// under BACKWARD_TRANSITIVE for subjects with 1, 10 and 100 versions.
// Targets: lookups >= 80% of the trivial endpoint's rate; registration at 100 versions <= 2x registration at 1 version.
var options = BenchOptions.Parse(args);
Console.WriteLine($"Registry benchmark: {options.Clients} clients, {options.Duration.TotalSeconds:F0} s per endpoint, {options.Samples} registration samples, {Environment.ProcessorCount} cores. {BenchOptions.Usage}");
var serverAssembly = Path.Combine(AppContext.BaseDirectory, "Governance.Server.dll");

await RunAsync(ServerStorage.FreshSqlite());

if (options.Postgres && File.Exists("/usr/lib/postgresql/15/bin/initdb"))
{
    var postgres = new PostgresServer();
    await postgres.InitializeAsync();
    try
    {
        await RunAsync(ServerStorage.Postgres(await postgres.CreateDatabaseAsync()));
    }
    finally
    {
        await postgres.DisposeAsync();
    }
}
else
{
    Console.WriteLine("PostgreSQL: skipped (no binaries in /usr/lib/postgresql/15/bin, or --postgres off)");
}

async Task RunAsync(ServerStorage storage)
{
    var quiet = new Dictionary<string, string?> { ["Logging:LogLevel:Microsoft.AspNetCore"] = "Warning", ["Logging:LogLevel:Microsoft.EntityFrameworkCore"] = "Warning" };
    await using var server = await ServerProcess.StartAsync(serverAssembly, storage, CancellationToken.None, quiet);
    using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = options.Clients }) { BaseAddress = server.BaseAddress };
    Console.WriteLine();
    Console.WriteLine($"== {storage.Name} ({server.BaseAddress})");

    using var registered = await http.PostAsJsonAsync("/subjects/bench-lookup/versions", new { schema = """{"type":"record","name":"Looked","namespace":"bench","fields":[{"name":"id","type":"int"},{"name":"name","type":"string","default":""}]}""" });
    registered.EnsureSuccessStatusCode();
    var id = JsonNode.Parse(await registered.Content.ReadAsStringAsync())!["id"]!.GetValue<int>();

    var measured = await LookupBenchmark.CompareAsync(http, options, "/", $"/schemas/ids/{id}");
    var (trivial, lookup) = (measured[0], measured[1]);
    Console.WriteLine($"GET /                    {trivial}");
    Console.WriteLine($"GET /schemas/ids/{{id}}    {lookup}");
    var ratio = lookup.RequestsPerSecond / trivial.RequestsPerSecond;
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"lookups at {ratio:P0} of the trivial endpoint's rate (target >= 80%): {(ratio >= 0.8 ? "met" : "MISSED")}"));

    var byVersions = await RegistrationBenchmark.RunAsync(http, [1, 10, 100], options.Samples);
    foreach (var versions in byVersions.Keys)
    {
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"register into a subject with {versions,3} versions (BACKWARD_TRANSITIVE): p50 {byVersions[versions].P50,7:F3} ms   p99 {byVersions[versions].P99,7:F3} ms"));
    }

    var growth = byVersions[100].P50 / byVersions[1].P50;
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"registration p50 at 100 versions is {growth:F2}x that at 1 version (target <= 2x): {(growth <= 2 ? "met" : "MISSED")}"));
}
