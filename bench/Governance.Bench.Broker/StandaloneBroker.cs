using Governance.Broker.Hosting;

namespace Governance.Bench.Broker;

/// <summary>
/// The broker alone in a process, writing to <c>dataDirectory</c>, until its standard input closes or it is killed.
/// Tests use it to kill -9 a broker after acknowledgements and restart it on the same directory; the throughput
/// benchmark measures it from another process.
/// </summary>
internal static class StandaloneBroker
{
    public static async Task RunAsync(string listener, string dataDirectory, int defaultPartitions)
    {
        await using var broker = new BrokerServer(new BrokerOptions
        {
            Listener = listener,
            DataDirectory = dataDirectory,
            DefaultPartitions = defaultPartitions,
            GroupInitialRebalanceDelayMs = 200,
        });
        broker.Start();
        Console.WriteLine($"LISTENING {broker.LocalEndPoint}");
        await Console.In.ReadToEndAsync();
    }
}
