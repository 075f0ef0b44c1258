using System.Collections.Concurrent;

namespace Governance.Broker.Activity;

/// <summary>
/// Between the broker and its <see cref="IBrokerActivitySink"/>: hands out a <see cref="ConnectionActivity"/> per
/// connection, forwards identity, group and topic events, and every <see cref="HandOverInterval"/> drains the
/// connections' counters into one <see cref="TrafficBatch"/> for the sink (<see cref="RunAsync"/>), resolving which
/// consumer group a fetching client belongs to from the group events. Without a sink (detached) nothing is counted.
/// </summary>
public sealed class ActivityAggregator
{
    /// <summary>The principal of unauthenticated connections, as Kafka names it.</summary>
    public const string AnonymousPrincipal = "User:ANONYMOUS";

    /// <summary>How often counts are handed over unless configured otherwise.</summary>
    public static readonly TimeSpan DefaultHandOverInterval = TimeSpan.FromSeconds(5);

    private readonly IBrokerActivitySink? _sink;
    private readonly TimeProvider _time;
    private readonly ConcurrentDictionary<long, ConnectionActivity> _open = new();
    private readonly ConcurrentQueue<ConnectionActivity> _closed = new();
    private readonly ConcurrentDictionary<(string ClientId, string Topic), string> _groups = new();
    private readonly Lock _handOverLock = new();
    private DateTimeOffset _lastHandOver;
    private long _nextConnectionId;

    public ActivityAggregator(IBrokerActivitySink? sink, TimeProvider? time = null, TimeSpan? handOverInterval = null)
    {
        _sink = sink;
        _time = time ?? TimeProvider.System;
        HandOverInterval = handOverInterval ?? DefaultHandOverInterval;
        _lastHandOver = _time.GetUtcNow();
    }

    /// <summary>An aggregator with no sink: connections count nothing.</summary>
    public static ActivityAggregator Detached { get; } = new(null);

    public bool IsAttached => _sink is not null;

    public TimeSpan HandOverInterval { get; }

    internal DateTimeOffset Now => _time.GetUtcNow();

    internal long NowTicks => _time.GetUtcNow().UtcTicks;

    /// <summary>Starts tracking a new connection from <paramref name="address"/> (e.g. "127.0.0.1:53422").</summary>
    public ConnectionActivity OpenConnection(string address)
    {
        if (_sink is null)
        {
            return new ConnectionActivity(null, Interlocked.Increment(ref _nextConnectionId), address, default);
        }

        var connection = new ConnectionActivity(this, Interlocked.Increment(ref _nextConnectionId), address, Now);
        _open[connection.ConnectionId] = connection;
        _sink.OnConnection(connection.ToConnection());
        return connection;
    }

    /// <summary>A consumer group member joined, received its assignment or left.</summary>
    public void OnGroup(GroupActivityEvent groupEvent)
    {
        if (_sink is null)
        {
            return;
        }

        if (groupEvent.Kind != GroupActivityKind.Left)
        {
            foreach (var topic in groupEvent.Topics)
            {
                _groups[(groupEvent.ClientId, topic)] = groupEvent.Group;
            }
        }

        _sink.OnGroup(groupEvent);
    }

    /// <summary>A topic was created, deleted or reconfigured.</summary>
    public void OnTopic(TopicActivityKind kind, string topic, int partitionCount, IReadOnlyDictionary<string, string> configs) =>
        _sink?.OnTopic(new TopicActivityEvent(kind, topic, partitionCount, configs, Now));

    /// <summary>Drains every connection's counters and gives the sums to the sink (nothing when nothing moved).</summary>
    public void HandOver()
    {
        if (_sink is null)
        {
            return;
        }

        TrafficBatch batch;
        lock (_handOverLock)
        {
            var accumulator = new TrafficAccumulator();
            while (_closed.TryDequeue(out var closed))
            {
                closed.Drain(accumulator);
            }

            foreach (var connection in _open.Values)
            {
                connection.Drain(accumulator);
            }

            var from = _lastHandOver;
            _lastHandOver = Now;
            if (accumulator.IsEmpty)
            {
                return;
            }

            batch = accumulator.ToBatch(from, _lastHandOver, (clientId, topic) => _groups.GetValueOrDefault((clientId, topic)));
        }

        _sink.OnTraffic(batch);
    }

    /// <summary>Hands over every <see cref="HandOverInterval"/> until cancelled, then once more.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        if (_sink is null)
        {
            return;
        }

        using var timer = new PeriodicTimer(HandOverInterval, _time);
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken).ConfigureAwait(false))
            {
                HandOver();
            }
        }
        catch (OperationCanceledException)
        {
        }

        HandOver();
    }

    internal void OnIdentified(ClientConnection connection) => _sink?.OnConnection(connection);

    internal void OnClosed(ConnectionActivity connection, ClientConnection closed)
    {
        if (_open.TryRemove(connection.ConnectionId, out _))
        {
            _closed.Enqueue(connection);
        }

        _sink?.OnConnection(closed);
    }
}
