using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Governance.Bench.Registry;
using Governance.TestSupport;

// Registry benchmark (not a test): starts the built server as a process on SQLite, and on PostgreSQL when its binaries
// are installed, and reports lookups by id next to the trivial GET / on the same server, and registration latency
// under BACKWARD_TRANSITIVE for subjects with 1, 10 and 100 versions, at equal schema size (the target) and with the
// schema growing with the version count (as earlier runs measured).
// Targets: lookups >= 80% of the trivial endpoint's rate; registration at 100 versions <= 2x registration at 1 version.
var options = BenchOptions.Parse(args);
Console.WriteLine($"Registry benchmark: {options.Clients} clients, {options.Duration.TotalSeconds:F0} s per endpoint, {options.Samples} registration samples after {options.Warmup.TotalSeconds:F0} s / 300+ registrations of warm-up, {Environment.ProcessorCount} cores. {BenchOptions.Usage}");
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

    int[] sizes = [1, 10, 100];
    var byCase = await RegistrationBenchmark.RunAsync(http, [SubjectHistory.SameSize, SubjectHistory.GrowingSchema], sizes, options.Samples, options.Warmup);
    foreach (var history in byCase.Keys.Select(c => c.History).Distinct())
    {
        Console.WriteLine($"registration under BACKWARD_TRANSITIVE, {history.Label}:");
        foreach (var versions in sizes)
        {
            var stats = byCase[(history, versions)];
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  into a subject with {versions,3} versions: p50 {stats.P50,7:F3} ms   p99 {stats.P99,7:F3} ms   ({stats.Count} samples)"));
        }

        var (one, hundred) = (byCase[(history, 1)], byCase[(history, 100)]);
        var growth = hundred.P50 / one.P50;
        var target = history == SubjectHistory.SameSize ? $" (target <= 2x): {(growth <= 2 ? "met" : "MISSED")}" : " (not the target: schema size grows too)";
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  100 versions vs 1: p50 {growth:F2}x, p99 {hundred.P99 / one.P99:F2}x{target}"));
    }
}
