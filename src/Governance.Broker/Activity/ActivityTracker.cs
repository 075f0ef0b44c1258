using System.Collections.Concurrent;

namespace Governance.Broker.Activity;

/// <summary>
/// Who talks to the broker: connections (client id, software, principal, address) and per (client, topic, partition,
/// direction) counters of records and bytes with first and last seen, plus consumer group membership. The lineage tracker
/// and the HTTP endpoint read it through <see cref="Snapshot"/>. Thread-safe.
/// </summary>
public sealed class ActivityTracker
{
    /// <summary>The principal of unauthenticated connections, as Kafka names it.</summary>
    public const string AnonymousPrincipal = "User:ANONYMOUS";

    /// <summary>Closed connections kept for the snapshot (the oldest are forgotten first).</summary>
    public const int ClosedConnectionsKept = 1000;

    private readonly TimeProvider _time;
    private readonly ConcurrentDictionary<long, ConnectionActivity> _open = new();
    private readonly ConcurrentQueue<ConnectionInfo> _closed = new();
    private readonly ConcurrentDictionary<FlowKey, FlowCounters> _flows = new();
    private readonly ConcurrentDictionary<(string ClientId, string Group), GroupActivity> _groups = new();
    private long _nextConnectionId;

    public ActivityTracker(TimeProvider? time = null)
    {
        _time = time ?? TimeProvider.System;
    }

    internal DateTimeOffset Now => _time.GetUtcNow();

    /// <summary>Starts tracking a new connection from <paramref name="address"/> (e.g. "127.0.0.1:53422").</summary>
    public ConnectionActivity OpenConnection(string address)
    {
        var connection = new ConnectionActivity(this, Interlocked.Increment(ref _nextConnectionId), address, Now);
        _open[connection.ConnectionId] = connection;
        return connection;
    }

    /// <summary>Notes that <paramref name="clientId"/> is a member of <paramref name="group"/> subscribed to <paramref name="topics"/>.</summary>
    public void RecordGroupMembership(string clientId, string group, IReadOnlyList<string> topics) =>
        _groups[(clientId, group)] = new GroupActivity(clientId, group, topics, Now);

    /// <summary>A copy of the current activity.</summary>
    public ActivitySnapshot Snapshot()
    {
        var groups = _groups.Values.OrderBy(g => g.Group, StringComparer.Ordinal).ThenBy(g => g.ClientId, StringComparer.Ordinal).ToList();
        var flows = _flows.Values
            .Select(flow => flow.ToActivity(GroupOf(flow.Key, groups)))
            .OrderBy(flow => flow.Topic, StringComparer.Ordinal)
            .ThenBy(flow => flow.Partition)
            .ThenBy(flow => flow.ClientId, StringComparer.Ordinal)
            .ThenBy(flow => flow.Direction)
            .ToList();
        var connections = _open.Values.Select(connection => connection.ToInfo()).Concat(_closed).OrderBy(c => c.ConnectionId).ToList();
        return new ActivitySnapshot(Now, connections, flows, groups);
    }

    internal FlowCounters GetFlow(FlowKey key, string? softwareName, string? softwareVersion, DateTimeOffset now) =>
        _flows.GetOrAdd(key, k => new FlowCounters(k, softwareName, softwareVersion, now));

    internal void OnClosed(ConnectionActivity connection)
    {
        if (_open.TryRemove(connection.ConnectionId, out _))
        {
            _closed.Enqueue(connection.ToInfo());
            while (_closed.Count > ClosedConnectionsKept && _closed.TryDequeue(out _))
            {
            }
        }
    }

    // The group a fetching client consumes the topic in: a group it joined that subscribes to the topic (the most recent one).
    private static string? GroupOf(FlowKey key, List<GroupActivity> groups) =>
        key.Direction == ActivityDirection.Fetch
            ? groups.Where(g => g.ClientId == key.ClientId && g.Topics.Contains(key.Topic)).MaxBy(g => g.LastSeen)?.Group
            : null;
}
