using Governance.Broker.Hosting;
using Governance.Broker.Validation;

namespace Governance.Broker.Tests.Support;

/// <summary>
/// The broker running in the test process on a free port with its own temporary data directory, which is deleted
/// at the end. <see cref="RestartAsync"/> stops it and starts it again on the same directory.
/// </summary>
public sealed class TestBroker : IAsyncDisposable
{
    private readonly Func<BrokerOptions, BrokerOptions> _configure;
    private readonly ISchemaRegistryLookup? _schemaRegistry;
    private readonly IBrokerAuthorizer? _authorizer;

    private TestBroker(
        string dataDirectory, Func<BrokerOptions, BrokerOptions> configure, ISchemaRegistryLookup? schemaRegistry, IBrokerAuthorizer? authorizer)
    {
        DataDirectory = dataDirectory;
        _configure = configure;
        _schemaRegistry = schemaRegistry;
        _authorizer = authorizer;
        Server = StartServer();
    }

    public string DataDirectory { get; }

    public BrokerServer Server { get; private set; }

    /// <summary>What the broker reported through its activity port (call <c>Server.Activity.HandOver()</c> first).</summary>
    public RecordingActivitySink Activity { get; } = new();

    public string BootstrapServers => $"127.0.0.1:{Server.LocalEndPoint.Port}";

    /// <param name="configure">Changes to the test defaults (free port, 200 ms initial rebalance delay).</param>
    public static TestBroker Start(
        Func<BrokerOptions, BrokerOptions>? configure = null, ISchemaRegistryLookup? schemaRegistry = null, IBrokerAuthorizer? authorizer = null)
    {
        var directory = Path.Combine(Path.GetTempPath(), "governance-broker-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        return new TestBroker(directory, configure ?? (o => o), schemaRegistry, authorizer);
    }

    private BrokerServer StartServer()
    {
        var options = _configure(new BrokerOptions
        {
            Listener = "127.0.0.1:0",
            DataDirectory = DataDirectory,
            GroupInitialRebalanceDelayMs = 200,
        });
        var server = new BrokerServer(options, Activity, _schemaRegistry, _authorizer);
        server.Start();
        return server;
    }

    /// <summary>Stops the broker cleanly and starts a new one on the same data directory (on a new port).</summary>
    public async Task RestartAsync()
    {
        await Server.DisposeAsync();
        Server = StartServer();
    }

    public async ValueTask DisposeAsync()
    {
        await Server.DisposeAsync();
        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp directory is harmless.
        }
    }
}
