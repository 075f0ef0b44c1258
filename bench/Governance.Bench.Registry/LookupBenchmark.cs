using System.Diagnostics;

namespace Governance.Bench.Registry;

/// <summary>
/// Throughput of GET endpoints: <see cref="BenchOptions.Clients"/> concurrent clients, each sending its next request as
/// soon as the last one is answered. The endpoints take turns in short rounds, so that drift over the run (other load
/// on the machine, tiered compilation) falls on all of them alike.
/// </summary>
public static class LookupBenchmark
{
    private const int Rounds = 6;

    public static async Task<LatencyStats[]> CompareAsync(HttpClient http, BenchOptions options, params string[] paths)
    {
        foreach (var path in paths)
        {
            await LoopAsync(http, path, options.Clients, options.Warmup);
        }

        var latencies = paths.Select(_ => new List<double>()).ToArray();
        var elapsed = new TimeSpan[paths.Length];
        for (var round = 0; round < Rounds; round++)
        {
            for (var i = 0; i < paths.Length; i++)
            {
                var (measured, time) = await LoopAsync(http, paths[i], options.Clients, options.Duration / Rounds);
                latencies[i].AddRange(measured);
                elapsed[i] += time;
            }
        }

        return [.. latencies.Select((l, i) => new LatencyStats(l, elapsed[i]))];
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
