using System.Diagnostics;

namespace Governance.Bench.Registry;

/// <summary>
/// Throughput of one GET endpoint: <see cref="BenchOptions.Clients"/> concurrent clients, each sending its next request
/// as soon as the last one is answered, for a fixed time after a warm-up.
/// </summary>
public static class LookupBenchmark
{
    public static async Task<LatencyStats> RunAsync(HttpClient http, string path, BenchOptions options)
    {
        await LoopAsync(http, path, options.Clients, options.Warmup);
        var (latencies, elapsed) = await LoopAsync(http, path, options.Clients, options.Duration);
        return new LatencyStats(latencies, elapsed);
    }

    private static async Task<(List<double> Latencies, TimeSpan Elapsed)> LoopAsync(HttpClient http, string path, int clients, TimeSpan duration)
    {
        var total = Stopwatch.StartNew();
        var workers = Enumerable.Range(0, clients).Select(_ => Task.Run(async () =>
        {
            var latencies = new List<double>(100_000);
            while (total.Elapsed < duration)
            {
                var started = Stopwatch.GetTimestamp();
                using var response = await http.GetAsync(path, HttpCompletionOption.ResponseContentRead);
                response.EnsureSuccessStatusCode();
                latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }

            return latencies;
        })).ToList();
        var results = await Task.WhenAll(workers);
        return ([.. results.SelectMany(r => r)], total.Elapsed);
    }
}
