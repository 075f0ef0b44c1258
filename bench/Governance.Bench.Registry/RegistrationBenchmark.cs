using System.Diagnostics;
using System.Net.Http.Json;

namespace Governance.Bench.Registry;

/// <summary>
/// Latency of registering a new version under BACKWARD_TRANSITIVE into subjects that already have N versions, so that
/// the new schema is checked against all N. Each sample registers version N+1 and then deletes it (soft, then
/// permanently; not timed), so every sample sees the same N. All cases (history × size) take turns sample by sample,
/// so that other load on the machine falls on all of them alike.
/// </summary>
public static class RegistrationBenchmark
{
    /// <summary>Versions in the warm-up subject, which is not measured.</summary>
    private const int WarmupVersions = 10;

    /// <summary>Registrations into the warm-up subject before any timing, at the least; more if the warm-up time is not up.</summary>
    private const int WarmupRegistrations = 300;

    /// <summary>Untimed rounds over the measured subjects themselves, so their first requests (caches, plans) are not counted.</summary>
    private const int UntimedRounds = 5;

    public static async Task<Dictionary<(SubjectHistory History, int Versions), LatencyStats>> RunAsync(
        HttpClient http, IReadOnlyList<SubjectHistory> histories, IReadOnlyList<int> sizes, int samples, TimeSpan warmup)
    {
        await WarmUpAsync(http, warmup);

        var cases = histories.SelectMany(history => sizes.Select(size => (History: history, Versions: size))).ToList();
        var subjects = new Dictionary<(SubjectHistory, int), string>();
        foreach (var (history, size) in cases)
        {
            subjects[(history, size)] = await CreateSubjectAsync(http, "bench-registration", history, size);
        }

        var latencies = cases.ToDictionary(c => c, _ => new List<double>(samples));
        for (var sample = 0; sample < samples + UntimedRounds; sample++)
        {
            foreach (var measured in cases)
            {
                var elapsed = await RegisterAndDeleteAsync(http, subjects[measured], measured.History, measured.Versions);
                if (sample >= UntimedRounds)
                {
                    latencies[measured].Add(elapsed.TotalMilliseconds);
                }
            }
        }

        return latencies.ToDictionary(l => l.Key, l => new LatencyStats(l.Value, TimeSpan.FromMilliseconds(l.Value.Sum())));
    }

    /// <summary>
    /// Registers into a subject of its own, at least <see cref="WarmupRegistrations"/> times and for at least
    /// <paramref name="warmup"/>, so that the server's registration path is compiled at its final tier before timing.
    /// </summary>
    private static async Task WarmUpAsync(HttpClient http, TimeSpan warmup)
    {
        var subject = await CreateSubjectAsync(http, "bench-warmup", SubjectHistory.SameSize, WarmupVersions);
        var started = Stopwatch.StartNew();
        for (var registrations = 0; registrations < WarmupRegistrations || started.Elapsed < warmup; registrations++)
        {
            await RegisterAndDeleteAsync(http, subject, SubjectHistory.SameSize, WarmupVersions);
        }
    }

    private static async Task<string> CreateSubjectAsync(HttpClient http, string prefix, SubjectHistory history, int versions)
    {
        var subject = $"{prefix}-{versions}-{Guid.NewGuid():N}";
        await SendAsync(http, HttpMethod.Put, $"/config/{subject}", new { compatibility = "BACKWARD_TRANSITIVE" });
        for (var version = 1; version <= versions; version++)
        {
            await SendAsync(http, HttpMethod.Post, $"/subjects/{subject}/versions", new { schema = history.SchemaOfVersion(version) });
        }

        return subject;
    }

    /// <summary>Registers version <paramref name="versions"/>+1 (timed), then deletes it soft and permanently (not timed).</summary>
    private static async Task<TimeSpan> RegisterAndDeleteAsync(HttpClient http, string subject, SubjectHistory history, int versions)
    {
        var next = versions + 1;
        var started = Stopwatch.GetTimestamp();
        await SendAsync(http, HttpMethod.Post, $"/subjects/{subject}/versions", new { schema = history.SchemaOfVersion(next) });
        var elapsed = Stopwatch.GetElapsedTime(started);
        await SendAsync(http, HttpMethod.Delete, $"/subjects/{subject}/versions/{next}", null);
        await SendAsync(http, HttpMethod.Delete, $"/subjects/{subject}/versions/{next}?permanent=true", null);
        return elapsed;
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
