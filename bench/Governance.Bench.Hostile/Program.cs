using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using Governance.Bench.Hostile;
using Governance.TestSupport;

// Hostile-schema benchmark (not a test): starts the built server as a process on a fresh SQLite with default limits and
// reports, per case, the HTTP status and the wall time from sending the request to the whole answer. Hostile schemas
// (nested 10,000 deep through each construct) must be refused with a 4xx quickly and leave the process answering;
// large legitimate schemas must register, and register again as a second version (a compatibility check against the
// first), in the times reported.
var hostileDepth = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 10_000;
var limit = Governance.Schemas.SchemaLimits.DefaultMaxNestingDepth;
var serverAssembly = Path.Combine(AppContext.BaseDirectory, "Governance.Server.dll");
var quiet = new Dictionary<string, string?> { ["Logging:LogLevel:Microsoft.AspNetCore"] = "Warning", ["Logging:LogLevel:Microsoft.EntityFrameworkCore"] = "Warning" };
await using var server = await ServerProcess.StartAsync(serverAssembly, ServerStorage.FreshSqlite(), CancellationToken.None, quiet);
using var http = new HttpClient { BaseAddress = server.BaseAddress, Timeout = TimeSpan.FromMinutes(5) };
Console.WriteLine($"Hostile-schema benchmark against {server.BaseAddress} ({Environment.ProcessorCount} cores), nesting limit {limit}");

// Warm-up: the first request of each format pays for JIT.
foreach (var type in (string[])["AVRO", "PROTOBUF", "JSON"])
{
    await PostAsync($"warmup-{type}", type == "AVRO" ? "\"int\"" : type == "JSON" ? "{}" : "syntax = \"proto3\";\nmessage W { int32 a = 1; }", type);
}

Console.WriteLine();
Console.WriteLine($"Hostile schemas, {hostileDepth:N0} levels: status, time to refuse, size");
var index = 0;
foreach (var hostile in SchemaCases.Hostile(hostileDepth))
{
    var (status, elapsed, body) = await PostAsync($"hostile-{index++}", hostile.Schema, hostile.SchemaType);
    var alive = (await http.GetAsync("/")).IsSuccessStatusCode;
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {hostile.Name,-45} {status} {elapsed.TotalMilliseconds,8:F1} ms {hostile.Schema.Length / 1024.0,8:F1} KB  alive={alive}  {Shorten(body)}"));
}

Console.WriteLine();
Console.WriteLine("Legitimate large schemas: status and time of the first registration, then of the same schema under a second subject's second version (a compatibility check)");
foreach (var legitimate in SchemaCases.Legitimate(limit))
{
    var subject = $"legit-{index++}";
    var (status, elapsed, body) = await PostAsync(subject, legitimate.Schema, legitimate.SchemaType);
    var (statusCheck, elapsedCheck, _) = await PostAsync($"/compatibility/subjects/{subject}/versions/latest", legitimate.Schema, legitimate.SchemaType, isPath: true);
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {legitimate.Name,-50} {status} {elapsed.TotalMilliseconds,8:F1} ms  check {statusCheck} {elapsedCheck.TotalMilliseconds,8:F1} ms {legitimate.Schema.Length / 1024.0,8:F1} KB  {(status == 200 ? "" : Shorten(body))}"));
}

async Task<(int Status, TimeSpan Elapsed, string Body)> PostAsync(string subjectOrPath, string schema, string schemaType, bool isPath = false)
{
    var path = isPath ? subjectOrPath : $"/subjects/{subjectOrPath}/versions";
    var watch = Stopwatch.StartNew();
    using var response = await http.PostAsJsonAsync(path, new { schemaType, schema });
    var body = await response.Content.ReadAsStringAsync();
    return ((int)response.StatusCode, watch.Elapsed, body);
}

static string Shorten(string text) => text.Length <= 150 ? text : text[..150] + "...";
