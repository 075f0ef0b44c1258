namespace Governance.Broker.Activity;

/// <summary>
/// The activity handle the network layer holds for one connection: it tells the tracker who the client is and counts
/// what it produces and fetches. Cheap on the hot path: counters are cached per partition and updated with interlocked adds.
/// Dispose it when the connection closes.
/// </summary>
public sealed class ConnectionActivity : IDisposable
{
    private readonly ActivityTracker _tracker;
    private readonly Dictionary<(string Topic, int Partition, ActivityDirection Direction), FlowCounters> _flows = [];
    private readonly Lock _lock = new();
    private readonly DateTimeOffset _connectedAt;
    private string? _clientId;
    private string? _softwareName;
    private string? _softwareVersion;
    private string _principal = ActivityTracker.AnonymousPrincipal;
    private long _lastSeenTicks;
    private DateTimeOffset? _closedAt;

    internal ConnectionActivity(ActivityTracker tracker, long connectionId, string address, DateTimeOffset now)
    {
        _tracker = tracker;
        ConnectionId = connectionId;
        Address = address;
        _connectedAt = now;
        _lastSeenTicks = now.UtcTicks;
    }

    public long ConnectionId { get; }

    public string Address { get; }

    /// <summary>The client.id of a request header (every request carries it; unchanged ids cost one string comparison).</summary>
    public void SetClientId(string? clientId)
    {
        Volatile.Write(ref _lastSeenTicks, _tracker.Now.UtcTicks);
        if (string.Equals(clientId, _clientId, StringComparison.Ordinal))
        {
            return;
        }

        lock (_lock)
        {
            _clientId = clientId;
            _flows.Clear(); // counters are per client id: a new id starts new flows
        }
    }

    /// <summary>ClientSoftwareName and ClientSoftwareVersion from ApiVersions v3+ (KIP-511).</summary>
    public void SetClientSoftware(string? name, string? version)
    {
        lock (_lock)
        {
            _softwareName = name;
            _softwareVersion = version;
            foreach (var flow in _flows.Values)
            {
                flow.SoftwareName = name;
                flow.SoftwareVersion = version;
            }
        }
    }

    /// <summary>The authenticated principal (e.g. "User:alice"); "User:ANONYMOUS" until set.</summary>
    public void SetPrincipal(string principal)
    {
        lock (_lock)
        {
            _principal = principal;
            _flows.Clear();
        }
    }

    /// <summary>Counts records and bytes this client appended to a partition.</summary>
    public void RecordProduced(string topic, int partition, long records, long bytes) => Count(topic, partition, ActivityDirection.Produce, records, bytes);

    /// <summary>Counts records and bytes this client fetched from a partition (see RecordBatch.CountRecords).</summary>
    public void RecordFetched(string topic, int partition, long records, long bytes) => Count(topic, partition, ActivityDirection.Fetch, records, bytes);

    public void Dispose()
    {
        lock (_lock)
        {
            _closedAt ??= _tracker.Now;
        }

        _tracker.OnClosed(this);
    }

    internal ConnectionInfo ToInfo()
    {
        lock (_lock)
        {
            return new ConnectionInfo(
                ConnectionId,
                Address,
                _clientId,
                _softwareName,
                _softwareVersion,
                _principal,
                _connectedAt,
                new DateTimeOffset(Volatile.Read(ref _lastSeenTicks), TimeSpan.Zero),
                _closedAt);
        }
    }

    private void Count(string topic, int partition, ActivityDirection direction, long records, long bytes)
    {
        var now = _tracker.Now;
        FlowCounters? flow;
        lock (_lock)
        {
            if (!_flows.TryGetValue((topic, partition, direction), out flow))
            {
                var key = new FlowKey(_clientId ?? string.Empty, _principal, topic, partition, direction);
                flow = _tracker.GetFlow(key, _softwareName, _softwareVersion, now);
                _flows[(topic, partition, direction)] = flow;
            }
        }

        flow.Add(records, bytes, now);
        Volatile.Write(ref _lastSeenTicks, now.UtcTicks);
    }
}
