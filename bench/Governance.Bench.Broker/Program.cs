using Governance.Bench.Broker;

// Usage:
//   Governance.Bench.Broker [records]          throughput of this broker and of librdkafka's mock cluster
//   Governance.Bench.Broker serve <listener> <data-directory>
//                                              a standalone broker (tests kill it with SIGKILL); prints "LISTENING host:port"
if (args is ["serve", var listener, var dataDirectory])
{
    await StandaloneBroker.RunAsync(listener, dataDirectory);
    return 0;
}
var records = args.Length > 0 && int.TryParse(args[0], out var count) ? count : 60_000;
await ThroughputBenchmark.RunAsync(records);
return 0;
