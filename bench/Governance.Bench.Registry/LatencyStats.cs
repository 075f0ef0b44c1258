using System.Globalization;

namespace Governance.Bench.Registry;

/// <summary>Latencies of many requests: count, rate over the measured time, p50 and p99 in milliseconds.</summary>
public sealed class LatencyStats
{
    private readonly double[] _sortedMilliseconds;

    public LatencyStats(IEnumerable<double> milliseconds, TimeSpan elapsed)
    {
        _sortedMilliseconds = [.. milliseconds.Order()];
        Elapsed = elapsed;
    }

    public int Count => _sortedMilliseconds.Length;

    public TimeSpan Elapsed { get; }

    public double RequestsPerSecond => Count / Elapsed.TotalSeconds;

    public double P50 => Percentile(0.50);

    public double P99 => Percentile(0.99);

    /// <summary>Nearest-rank percentile.</summary>
    public double Percentile(double fraction)
    {
        if (Count == 0)
        {
            return double.NaN;
        }

        var rank = (int)Math.Ceiling(fraction * Count);
        return _sortedMilliseconds[Math.Clamp(rank - 1, 0, Count - 1)];
    }

    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{RequestsPerSecond,10:F0} req/s   p50 {P50,7:F3} ms   p99 {P99,7:F3} ms   ({Count} requests)");
}
