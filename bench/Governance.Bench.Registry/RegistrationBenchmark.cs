using System.Diagnostics;
using System.Net.Http.Json;

namespace Governance.Bench.Registry;

/// <summary>
/// Latency of registering a new version under BACKWARD_TRANSITIVE into a subject that already has N versions, so that
/// the new schema is checked against all N. Each sample registers version N+1 and then deletes it (soft, then
/// permanently; not timed), so every sample sees the same N.
/// </summary>
public static class RegistrationBenchmark
{
    public static async Task<LatencyStats> RunAsync(HttpClient http, int existingVersions, int samples)
    {
        var subject = $"bench-registration-{existingVersions}-{Guid.NewGuid():N}";
        await SendAsync(http, HttpMethod.Put, $"/config/{subject}", new { compatibility = "BACKWARD_TRANSITIVE" });
        for (var version = 0; version < existingVersions; version++)
        {
            await SendAsync(http, HttpMethod.Post, $"/subjects/{subject}/versions", new { schema = SchemaWithOptionalFields(version) });
        }

        var candidate = new { schema = SchemaWithOptionalFields(existingVersions) };
        var latencies = new List<double>(samples);
        var total = Stopwatch.StartNew();
        var measured = TimeSpan.Zero;
        for (var sample = 0; sample < samples + 3; sample++)
        {
            var started = Stopwatch.GetTimestamp();
            await SendAsync(http, HttpMethod.Post, $"/subjects/{subject}/versions", candidate);
            var elapsed = Stopwatch.GetElapsedTime(started);
            if (sample >= 3)
            {
                latencies.Add(elapsed.TotalMilliseconds);
                measured += elapsed;
            }

            await SendAsync(http, HttpMethod.Delete, $"/subjects/{subject}/versions/{existingVersions + 1}", null);
            await SendAsync(http, HttpMethod.Delete, $"/subjects/{subject}/versions/{existingVersions + 1}?permanent=true", null);
        }

        return new LatencyStats(latencies, measured);
    }

    /// <summary>A record with an int id and <paramref name="optionalFields"/> string fields with defaults: each one backward compatible with all before.</summary>
    private static string SchemaWithOptionalFields(int optionalFields)
    {
        var fields = Enumerable.Range(1, optionalFields).Select(i => $$""",{"name":"f{{i}}","type":"string","default":""}""");
        return $$"""{"type":"record","name":"Measured","namespace":"bench","fields":[{"name":"id","type":"int"}{{string.Concat(fields)}}]}""";
    }

    private static async Task SendAsync(HttpClient http, HttpMethod method, string path, object? body)
    {
        using var request = new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body) };
        using var response = await http.SendAsync(request);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"{method} {path} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        }
    }
}
