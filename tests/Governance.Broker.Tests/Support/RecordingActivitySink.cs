using Governance.Broker.Activity;

namespace Governance.Broker.Tests.Support;

/// <summary>An activity sink that keeps every event it is given, for assertions (thread-safe).</summary>
public sealed class RecordingActivitySink : IBrokerActivitySink
{
    private readonly Lock _lock = new();
    private readonly Dictionary<long, ClientConnection> _connections = [];
    private readonly List<TrafficBatch> _batches = [];
    private readonly List<GroupActivityEvent> _groups = [];
    private readonly List<TopicActivityEvent> _topics = [];

    /// <summary>The latest state of every connection, by connection id.</summary>
    public IReadOnlyList<ClientConnection> Connections => Read(() => _connections.Values.OrderBy(c => c.ConnectionId).ToList());

    public IReadOnlyList<TrafficBatch> Batches => Read(() => _batches.ToList());

    public IReadOnlyList<TrafficCount> Flows => Read(() => _batches.SelectMany(b => b.Flows).ToList());

    public IReadOnlyList<SchemaIdCount> SchemaIds => Read(() => _batches.SelectMany(b => b.SchemaIds).ToList());

    public IReadOnlyList<GroupActivityEvent> Groups => Read(() => _groups.ToList());

    public IReadOnlyList<TopicActivityEvent> Topics => Read(() => _topics.ToList());

    public void OnConnection(ClientConnection connection) => Write(() => _connections[connection.ConnectionId] = connection);

    public void OnTraffic(TrafficBatch batch) => Write(() => _batches.Add(batch));

    public void OnGroup(GroupActivityEvent groupEvent) => Write(() => _groups.Add(groupEvent));

    public void OnTopic(TopicActivityEvent topicEvent) => Write(() => _topics.Add(topicEvent));

    private T Read<T>(Func<T> read)
    {
        lock (_lock)
        {
            return read();
        }
    }

    private void Write(Action write)
    {
        lock (_lock)
        {
            write();
        }
    }
}
