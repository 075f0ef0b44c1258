using System.Globalization;
using Confluent.Kafka;

namespace Governance.Bench.Broker;

/// <summary>
/// Producer and consumer throughput of 1 KB records with acks=1 and acks=all, against this broker (writing its logs
/// to a temporary directory) and against librdkafka's in-memory mock cluster as the reference, each in a child
/// process; the clients, the same Confluent.Kafka/librdkafka code for both targets, run in this one. Each round
/// measures every target and acks setting once, the targets' order alternating from round to round; the report
/// gives the median of the rounds and their range.
/// </summary>
internal static class ThroughputBenchmark
{
    /// <summary>
    /// Records produced and consumed once before measuring, so that the runtime's tiered compilation has settled
    /// (in this process and the broker's) before anything is measured.
    /// </summary>
    private const int WarmUpRecords = 200_000;

    private static readonly Acks[] AcksSettings = [Acks.Leader, Acks.All];

    public static void Run(int records, int rounds)
    {
        Console.WriteLine(
            $"{records:N0} records of {ThroughputRun.RecordBytes} bytes over {ThroughputRun.TopicsFor(records)} topics of " +
            $"{ThroughputRun.PartitionsPerTopic} partitions, {rounds} rounds, librdkafka {Library.VersionString}");

        var directory = Path.Combine(Path.GetTempPath(), "governance-bench-" + Guid.NewGuid().ToString("N"));
        try
        {
            using var broker = TargetProcess.Start(
                "serve", "127.0.0.1:0", directory, ThroughputRun.PartitionsPerTopic.ToString(CultureInfo.InvariantCulture));
            using var mock = TargetProcess.Start("mock");
            var targets = new Dictionary<string, TargetProcess>
            {
                ["governance broker"] = broker,
                ["librdkafka mock"] = mock,
            };
            foreach (var target in targets.Values)
            {
                ThroughputRun.Measure(target, Acks.Leader, WarmUpRecords);
            }

            var results = targets.Keys.SelectMany(t => AcksSettings.Select(a => (t, a))).ToDictionary(k => k, _ => new List<ThroughputResult>());
            for (var round = 0; round < rounds; round++)
            {
                var order = round % 2 == 0 ? targets.Keys.ToArray() : targets.Keys.Reverse().ToArray();
                foreach (var target in order)
                {
                    foreach (var acks in AcksSettings)
                    {
                        var result = ThroughputRun.Measure(targets[target], acks, records);
                        results[(target, acks)].Add(result);
                        Console.WriteLine(string.Create(
                            CultureInfo.InvariantCulture,
                            $"  round {round + 1}: {target,-18} acks={Name(acks),-3} produce {result.ProducePerSecond,9:N0} rec/s ({result.ProduceProcessorTime.TotalMilliseconds,5:N0} ms target CPU), consume {result.ConsumePerSecond,9:N0} rec/s ({result.ConsumeProcessorTime.TotalMilliseconds,5:N0} ms target CPU), first record after {result.FirstRecordSeconds * 1000,5:N0} ms"));
                    }
                }
            }
            Report(results);
            ReportRatios(results, "governance broker", "librdkafka mock");
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    private static void Report(Dictionary<(string Target, Acks Acks), List<ThroughputResult>> results)
    {
        const double Megabyte = 1024 * 1024;
        Console.WriteLine();
        Console.WriteLine($"{"target",-18} {"acks",-4} {"produce rec/s (median, range)",-34} {"MB/s",6} {"CPU ms",6} {"consume rec/s (median, range)",-34} {"MB/s",6} {"CPU ms",6} {"first record ms",15}");
        foreach (var ((target, acks), runs) in results)
        {
            var produce = runs.Select(r => r.ProducePerSecond).ToArray();
            var consume = runs.Select(r => r.ConsumePerSecond).ToArray();
            var first = Median(runs.Select(r => r.FirstRecordSeconds * 1000).ToArray());
            var produceCpu = Median(runs.Select(r => r.ProduceProcessorTime.TotalMilliseconds).ToArray());
            var consumeCpu = Median(runs.Select(r => r.ConsumeProcessorTime.TotalMilliseconds).ToArray());
            Console.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"{target,-18} {Name(acks),-4} {Summary(produce),-34} {Median(produce) * ThroughputRun.RecordBytes / Megabyte,6:N1} {produceCpu,6:N0} {Summary(consume),-34} {Median(consume) * ThroughputRun.RecordBytes / Megabyte,6:N1} {consumeCpu,6:N0} {first,15:N0}"));
        }
    }

    /// <summary>
    /// This broker's rate over the mock's within each round, where both ran minutes apart at most: the machine's own
    /// drift from round to round cancels out of the ratio.
    /// </summary>
    private static void ReportRatios(Dictionary<(string Target, Acks Acks), List<ThroughputResult>> results, string ours, string reference)
    {
        Console.WriteLine();
        Console.WriteLine($"{ours} / {reference}, per round (median, range; above 1 means faster)");
        foreach (var acks in AcksSettings)
        {
            var pairs = results[(ours, acks)].Zip(results[(reference, acks)]).ToArray();
            var produce = pairs.Select(p => p.First.ProducePerSecond / p.Second.ProducePerSecond).ToArray();
            var consume = pairs.Select(p => p.First.ConsumePerSecond / p.Second.ConsumePerSecond).ToArray();
            Console.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"  acks={Name(acks),-3} produce {Median(produce):F2} ({produce.Min():F2} - {produce.Max():F2}), consume {Median(consume):F2} ({consume.Min():F2} - {consume.Max():F2})"));
        }
    }

    private static string Name(Acks acks) => acks == Acks.All ? "all" : "1";

    private static string Summary(double[] values) =>
        string.Create(CultureInfo.InvariantCulture, $"{Median(values),9:N0} ({values.Min(),9:N0} - {values.Max(),9:N0})");

    private static double Median(double[] values)
    {
        var sorted = values.Order().ToArray();
        var middle = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }
}
