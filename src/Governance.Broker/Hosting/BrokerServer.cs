using System.Globalization;
using System.Net;
using Governance.Broker.Activity;
using Governance.Broker.Groups;
using Governance.Broker.Handlers;
using Governance.Broker.Log;
using Governance.Broker.Network;
using Governance.Broker.Topics;
using Governance.Broker.Validation;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Governance.Broker.Hosting;

/// <summary>
/// The whole broker composed from its options: topics and logs, the group coordinator, the request handlers and the
/// TCP listener. Constructing it opens the data directory (recovering the logs); <see cref="Start"/> begins listening.
/// </summary>
public sealed class BrokerServer : IAsyncDisposable
{
    private readonly BrokerOptions _options;
    private readonly ILoggerFactory _loggerFactory;
    private readonly RequestHandlers _handlers;
    private readonly CancellationTokenSource _stopping = new();
    private BrokerListener? _listener;
    private Task _handOver = Task.CompletedTask;
    private int _disposed;

    public BrokerServer(
        BrokerOptions options,
        IBrokerActivitySink? activitySink = null,
        ISchemaRegistryLookup? schemaRegistry = null,
        IBrokerAuthorizer? authorizer = null,
        ILoggerFactory? loggerFactory = null,
        TimeProvider? time = null)
    {
        _options = options;
        _loggerFactory = loggerFactory ?? NullLoggerFactory.Instance;
        time ??= TimeProvider.System;
        authorizer ??= new AllowAllAuthorizer();
        Activity = new ActivityAggregator(activitySink, time, TimeSpan.FromMilliseconds(Math.Max(options.ActivityHandOverMs, 1)));
        var endPoint = ParseEndPoint(options.Listener);
        Identity = new BrokerIdentity
        {
            AdvertisedHost = options.AdvertisedHost ?? HostOf(options.Listener),
            AdvertisedPort = options.AdvertisedPort ?? endPoint.Port,
        };
        Topics = new TopicManager(
            new TopicManagerOptions
            {
                DataDirectory = options.DataDirectory,
                AutoCreateTopicsEnable = options.AutoCreateTopics,
                DefaultPartitionCount = options.DefaultPartitions,
                DefaultLogConfig = new LogConfig { FlushMode = options.FlushMode, FlushIntervalMs = options.FlushIntervalMs },
            },
            schemaRegistry is null ? null : new SchemaValidator(schemaRegistry),
            time,
            Activity);
        Groups = new GroupCoordinator(
            new GroupCoordinatorOptions
            {
                DataDirectory = options.DataDirectory,
                InitialRebalanceDelayMs = options.GroupInitialRebalanceDelayMs,
            },
            Activity,
            time);
        _handlers = new RequestHandlers(
        [
            new ApiVersionsHandler(),
            new MetadataHandler(Topics, Identity),
            new ProduceHandler(Topics, authorizer),
            new FetchHandler(Topics, authorizer, time, new FetchLimits(options.FetchMaxBytes, options.FetchPartitionMaxBytes)),
            new ListOffsetsHandler(Topics),
            new FindCoordinatorHandler(Identity),
            new JoinGroupHandler(Groups),
            new SyncGroupHandler(Groups),
            new HeartbeatHandler(Groups),
            new LeaveGroupHandler(Groups),
            new OffsetCommitHandler(Groups),
            new OffsetFetchHandler(Groups),
            new ListGroupsHandler(Groups),
            new DescribeGroupsHandler(Groups),
            new CreateTopicsHandler(Topics),
            new DeleteTopicsHandler(Topics),
            new CreatePartitionsHandler(Topics),
            new DescribeConfigsHandler(Topics),
            new AlterConfigsHandler(Topics),
            new IncrementalAlterConfigsHandler(Topics),
            new InitProducerIdHandler(Topics),
            new DescribeProducersHandler(Topics),
        ]);
    }

    /// <summary>Counts who produces and fetches what and hands it to the activity sink (see <see cref="IBrokerActivitySink"/>).</summary>
    public ActivityAggregator Activity { get; }

    public TopicManager Topics { get; }

    public GroupCoordinator Groups { get; }

    public BrokerIdentity Identity { get; }

    /// <summary>The address the listener is bound to (after <see cref="Start"/>).</summary>
    public IPEndPoint LocalEndPoint => _listener?.LocalEndPoint ?? throw new InvalidOperationException("The broker is not listening.");

    /// <summary>Binds the listener and starts accepting clients.</summary>
    public void Start()
    {
        var listener = new BrokerListener(
            ParseEndPoint(_options.Listener), _options.MaxFrameBytes, _handlers, Activity, _loggerFactory.CreateLogger<BrokerListener>());
        listener.Start();
        _listener = listener;
        _handOver = Activity.RunAsync(_stopping.Token);
        Identity.AdvertisedPort = _options.AdvertisedPort ?? listener.LocalEndPoint.Port;
    }

    public async ValueTask DisposeAsync()
    {
        // The hosted service stops the broker and the container disposes it again at shutdown.
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        if (_listener is not null)
        {
            await _listener.DisposeAsync().ConfigureAwait(false);
        }

        // The last hand-over, after the connections closed: a graceful stop loses no counts.
        await _stopping.CancelAsync().ConfigureAwait(false);
        await _handOver.ConfigureAwait(false);
        _stopping.Dispose();
        await Groups.DisposeAsync().ConfigureAwait(false);
        Topics.Dispose();
    }

    private static string HostOf(string listener) => listener[..listener.LastIndexOf(':')] switch
    {
        "" or "0.0.0.0" or "[::]" => Dns.GetHostName(),
        var host => host.Trim('[', ']'),
    };

    /// <summary>Parses "host:port"; a host name is resolved to its first address.</summary>
    public static IPEndPoint ParseEndPoint(string listener)
    {
        var colon = listener.LastIndexOf(':');
        if (colon <= 0 || !int.TryParse(listener[(colon + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var port) || port > 65535)
        {
            throw new InvalidOperationException(
                $"{BrokerOptions.SectionName}:Listener must be host:port (e.g. 127.0.0.1:9092), not '{listener}'.");
        }
        var host = listener[..colon].Trim('[', ']');
        var address = IPAddress.TryParse(host, out var parsed) ? parsed : Dns.GetHostAddresses(host)[0];
        return new IPEndPoint(address, port);
    }
}
