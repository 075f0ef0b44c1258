using System.Diagnostics;
using System.Net.Http.Json;

namespace Governance.Bench.Registry;

/// <summary>
/// Latency of registering a new version under BACKWARD_TRANSITIVE into subjects that already have N versions, so that
/// the new schema is checked against all N. Each sample registers version N+1 and then deletes it (soft, then
/// permanently; not timed), so every sample sees the same N. The subject sizes take turns sample by sample, so that
/// other load on the machine falls on all of them alike.
/// </summary>
public static class RegistrationBenchmark
{
    private const int WarmupSamples = 3;

    public static async Task<Dictionary<int, LatencyStats>> RunAsync(HttpClient http, IReadOnlyList<int> sizes, int samples)
    {
        var subjects = new Dictionary<int, string>();
        foreach (var size in sizes)
        {
            subjects[size] = $"bench-registration-{size}-{Guid.NewGuid():N}";
            await SendAsync(http, HttpMethod.Put, $"/config/{subjects[size]}", new { compatibility = "BACKWARD_TRANSITIVE" });
            for (var version = 0; version < size; version++)
            {
                await SendAsync(http, HttpMethod.Post, $"/subjects/{subjects[size]}/versions", new { schema = SchemaWithOptionalFields(version) });
            }
        }

        var latencies = sizes.ToDictionary(size => size, _ => new List<double>(samples));
        for (var sample = 0; sample < samples + WarmupSamples; sample++)
        {
            foreach (var size in sizes)
            {
                var started = Stopwatch.GetTimestamp();
                await SendAsync(http, HttpMethod.Post, $"/subjects/{subjects[size]}/versions", new { schema = SchemaWithOptionalFields(size) });
                var elapsed = Stopwatch.GetElapsedTime(started);
                if (sample >= WarmupSamples)
                {
                    latencies[size].Add(elapsed.TotalMilliseconds);
                }

                await SendAsync(http, HttpMethod.Delete, $"/subjects/{subjects[size]}/versions/{size + 1}", null);
                await SendAsync(http, HttpMethod.Delete, $"/subjects/{subjects[size]}/versions/{size + 1}?permanent=true", null);
            }
        }

        return latencies.ToDictionary(l => l.Key, l => new LatencyStats(l.Value, TimeSpan.FromMilliseconds(l.Value.Sum())));
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
