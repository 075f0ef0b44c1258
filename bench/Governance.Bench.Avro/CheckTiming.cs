using System.Diagnostics;
using System.Globalization;

namespace Governance.Bench.Avro;

/// <summary>Runs one case repeatedly for a fixed time and reports the median and 99th percentile per call, and the bytes allocated per call.</summary>
public static class CheckTiming
{
    private const int CallsPerBatch = 20;

    /// <param name="check">One call; what it returns (issues found, text length) is summed so the work cannot be left out.</param>
    public static string Measure(string name, TimeSpan duration, Func<int> check)
    {
        // Warm up: JIT tiers and the first lazily built indexes are not what is measured.
        var warmupEnds = Stopwatch.GetTimestamp() + Stopwatch.Frequency;
        while (Stopwatch.GetTimestamp() < warmupEnds)
        {
            check();
        }

        var perCallMicroseconds = new List<double>();
        var calls = 0L;
        var resultSum = 0L;
        var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        var ends = Stopwatch.GetTimestamp() + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        while (Stopwatch.GetTimestamp() < ends)
        {
            var started = Stopwatch.GetTimestamp();
            for (var i = 0; i < CallsPerBatch; i++)
            {
                resultSum += check();
            }

            perCallMicroseconds.Add(Stopwatch.GetElapsedTime(started).TotalMicroseconds / CallsPerBatch);
            calls += CallsPerBatch;
        }

        var allocatedPerCall = (GC.GetAllocatedBytesForCurrentThread() - allocatedBefore) / calls;
        perCallMicroseconds.Sort();
        return string.Create(CultureInfo.InvariantCulture,
            $"{name}: p50 {Percentile(perCallMicroseconds, 0.50):F1} µs, p99 {Percentile(perCallMicroseconds, 0.99):F1} µs, {allocatedPerCall} bytes allocated per call, {calls} calls (results summed: {resultSum})");
    }

    private static double Percentile(List<double> sorted, double fraction) => sorted[(int)Math.Min(sorted.Count - 1, fraction * sorted.Count)];
}
