using Governance.Bench.Broker;

// Usage:
//   Governance.Bench.Broker [records] [rounds]  throughput of this broker and of librdkafka's mock cluster, each in a
//                                              process of its own (defaults: 250,000 records, 5 rounds)
//   Governance.Bench.Broker serve <listener> <data-directory> [default-partitions]
//                                              a standalone broker (tests kill it with SIGKILL); prints "LISTENING host:port"
//   Governance.Bench.Broker mock               librdkafka's mock cluster alone; prints "LISTENING host:port"
switch (args)
{
    case ["serve", var listener, var dataDirectory, ..]:
        await StandaloneBroker.RunAsync(listener, dataDirectory, args.Length > 3 ? int.Parse(args[3], System.Globalization.CultureInfo.InvariantCulture) : 1);
        return 0;
    case ["mock"]:
        await MockCluster.RunAsync();
        return 0;
}
var records = args.Length > 0 && int.TryParse(args[0], out var count) ? count : 250_000;
var rounds = args.Length > 1 && int.TryParse(args[1], out var times) ? times : 5;
ThroughputBenchmark.Run(records, rounds);
return 0;
