using System.Collections.Concurrent;

namespace Governance.Broker.Activity;

/// <summary>
/// The activity handle the network layer holds for one connection: it tells the sink who the client is and counts what
/// it produces and fetches. On the produce and fetch paths it costs a lock-free dictionary lookup and a few interlocked
/// adds on this connection's own counters; nothing is shared with other connections or partitions. The
/// <see cref="ActivityAggregator"/> drains the counters at each hand-over. Dispose it when the connection closes.
/// </summary>
public sealed class ConnectionActivity : IDisposable
{
    private readonly ActivityAggregator? _aggregator;
    private readonly ConcurrentDictionary<FlowKey, TrafficCell> _flows = new();
    private readonly ConcurrentDictionary<SchemaKey, TrafficCell> _schemaIds = new();
    private readonly Lock _identityLock = new();
    private readonly DateTimeOffset _connectedAt;
    private string? _clientId;
    private string? _softwareName;
    private string? _softwareVersion;
    private string _principal = ActivityAggregator.AnonymousPrincipal;
    private int _closed;

    internal ConnectionActivity(ActivityAggregator? aggregator, long connectionId, string address, DateTimeOffset now)
    {
        _aggregator = aggregator;
        ConnectionId = connectionId;
        Address = address;
        _connectedAt = now;
    }

    public long ConnectionId { get; }

    public string Address { get; }

    /// <summary>Whether a sink listens: when not, counting is skipped altogether (and callers may skip measuring).</summary>
    public bool IsAttached => _aggregator is not null;

    /// <summary>The client.id of a request header (every request carries it; an unchanged id costs one string comparison).</summary>
    public void SetClientId(string? clientId)
    {
        if (_aggregator is null || string.Equals(clientId, _clientId, StringComparison.Ordinal))
        {
            return;
        }

        ChangeIdentity(() => _clientId = clientId);
    }

    /// <summary>ClientSoftwareName and ClientSoftwareVersion from ApiVersions v3+ (KIP-511).</summary>
    public void SetClientSoftware(string? name, string? version) => ChangeIdentity(() =>
    {
        _softwareName = name;
        _softwareVersion = version;
    });

    /// <summary>The authenticated principal (e.g. "User:alice"); "User:ANONYMOUS" until set.</summary>
    public void SetPrincipal(string principal) => ChangeIdentity(() => _principal = principal);

    /// <summary>Counts records this client appended to a partition; <paramref name="bytes"/> as <see cref="TrafficCount.Bytes"/>.</summary>
    public void RecordProduced(string topic, int partition, long records, long bytes) =>
        Count(topic, partition, ActivityDirection.Produce, records, bytes);

    /// <summary>Counts records and bytes this client fetched from a partition.</summary>
    public void RecordFetched(string topic, int partition, long records, long bytes) =>
        Count(topic, partition, ActivityDirection.Fetch, records, bytes);

    /// <summary>Counts produced records whose key or value carries <paramref name="schemaId"/> in the registry's wire format.</summary>
    public void RecordSchemaId(string topic, RecordPart part, int schemaId, long records)
    {
        if (_aggregator is null)
        {
            return;
        }

        var key = new SchemaKey(_clientId ?? string.Empty, topic, part, schemaId);
        var cell = _schemaIds.GetOrAdd(key, static _ => new TrafficCell());
        cell.Add(records, 0, _aggregator.NowTicks);
    }

    public void Dispose()
    {
        if (_aggregator is null || Interlocked.Exchange(ref _closed, 1) == 1)
        {
            return;
        }

        _aggregator.OnClosed(this, ToConnection(_aggregator.Now));
    }

    internal ClientConnection ToConnection(DateTimeOffset? closedAt = null)
    {
        lock (_identityLock)
        {
            return new ClientConnection(ConnectionId, Address, _clientId, _softwareName, _softwareVersion, _principal, _connectedAt, closedAt);
        }
    }

    /// <summary>Moves the counts since the last hand-over into <paramref name="into"/>.</summary>
    internal void Drain(TrafficAccumulator into)
    {
        foreach (var (key, cell) in _flows)
        {
            if (cell.TryDrain(out var records, out var bytes, out var first, out var last))
            {
                into.AddFlow(key, records, bytes, first, last);
            }
        }

        foreach (var (key, cell) in _schemaIds)
        {
            if (cell.TryDrain(out var records, out _, out var first, out var last))
            {
                into.AddSchemaId(key, records, first, last);
            }
        }
    }

    private void Count(string topic, int partition, ActivityDirection direction, long records, long bytes)
    {
        if (_aggregator is null)
        {
            return;
        }

        var key = new FlowKey(_clientId ?? string.Empty, _principal, topic, partition, direction);
        var cell = _flows.GetOrAdd(key, static _ => new TrafficCell());
        cell.Add(records, bytes, _aggregator.NowTicks);
    }

    private void ChangeIdentity(Action change)
    {
        if (_aggregator is null)
        {
            return;
        }

        ClientConnection connection;
        lock (_identityLock)
        {
            change();
            connection = new ClientConnection(ConnectionId, Address, _clientId, _softwareName, _softwareVersion, _principal, _connectedAt, null);
        }

        _aggregator.OnIdentified(connection);
    }
}
