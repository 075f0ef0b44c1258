using System.Globalization;
using Governance.Broker.Activity;
using Governance.Lineage.Graph;
using Governance.Lineage.Storage;

namespace Governance.Lineage.Recording;

/// <summary>
/// Turns what the broker and the registry report into lineage: per-minute edge buckets and nodes, kept in memory until
/// <see cref="FlushAsync"/> adds them to the <see cref="ILineageStore"/>. Implements the broker's activity port (returns
/// at once: one lock over a dictionary, no I/O). Readers see stored plus pending counts through <see cref="ReadAsync{T}"/>,
/// which excludes a flush in progress so that nothing is counted twice or missed.
/// </summary>
public sealed class LineageRecorder : IBrokerActivitySink
{
    private readonly ILineageStore _store;
    private readonly TimeProvider _time;
    private readonly Lock _lock = new();
    private readonly SemaphoreSlim _storeGate = new(1, 1);
    private PendingLineage _pending = new();

    public LineageRecorder(ILineageStore store, TimeProvider time)
    {
        _store = store;
        _time = time;
    }

    public void OnConnection(ClientConnection connection)
    {
        if (string.IsNullOrEmpty(connection.ClientId))
        {
            return;
        }

        Write(pending => pending.AddNode(NodeIds.Client(connection.ClientId), NodeKinds.Client, connection.ClientId, [
            new("softwareName", connection.SoftwareName),
            new("softwareVersion", connection.SoftwareVersion),
            new("principal", connection.Principal),
            new("address", connection.Address),
        ], connection.ClosedAt ?? _time.GetUtcNow()));
    }

    public void OnTraffic(TrafficBatch batch) => Write(pending =>
    {
        foreach (var flow in batch.Flows)
        {
            var client = ClientNode(pending, flow.ClientId, flow.LastSeen);
            var topic = TopicNode(pending, flow.Topic, flow.LastSeen);
            if (flow.Direction == ActivityDirection.Produce)
            {
                pending.AddEdge(new EdgeKey(client, topic, EdgeKinds.Produces), flow.Records, flow.Bytes, flow.FirstSeen, flow.LastSeen);
            }
            else if (flow.Group is { } groupName)
            {
                var group = GroupNode(pending, groupName, flow.LastSeen);
                pending.AddEdge(new EdgeKey(topic, group, EdgeKinds.Consumes), flow.Records, flow.Bytes, flow.FirstSeen, flow.LastSeen);
                pending.AddEdge(new EdgeKey(client, group, EdgeKinds.Consumes), flow.Records, flow.Bytes, flow.FirstSeen, flow.LastSeen);
            }
            else
            {
                // A consumer that assigns partitions itself, without a group: the client reads the topic directly.
                pending.AddEdge(new EdgeKey(topic, client, EdgeKinds.Consumes), flow.Records, flow.Bytes, flow.FirstSeen, flow.LastSeen);
            }
        }

        foreach (var seen in batch.SchemaIds)
        {
            var topic = TopicNode(pending, seen.Topic, seen.LastSeen);
            var schema = SchemaNode(pending, seen.SchemaId, seen.LastSeen);
            pending.AddEdge(new EdgeKey(topic, schema, EdgeKinds.UsesSchema), seen.Records, 0, seen.FirstSeen, seen.LastSeen);
            pending.AddEdge(new EdgeKey(ClientNode(pending, seen.ClientId, seen.LastSeen), schema, EdgeKinds.UsesSchema), seen.Records, 0, seen.FirstSeen, seen.LastSeen);
        }
    });

    public void OnGroup(GroupActivityEvent groupEvent) => Write(pending =>
    {
        var group = GroupNode(pending, groupEvent.Group, groupEvent.At);
        var client = ClientNode(pending, groupEvent.ClientId, groupEvent.At);
        pending.AddNode(client, NodeKinds.Client, groupEvent.ClientId, [new("host", groupEvent.ClientHost)], groupEvent.At);
        if (groupEvent.Kind != GroupActivityKind.Left)
        {
            // Membership shows even before the member fetched anything.
            pending.AddEdge(new EdgeKey(client, group, EdgeKinds.Consumes), 0, 0, groupEvent.At, groupEvent.At);
            foreach (var topicName in groupEvent.Topics)
            {
                pending.AddEdge(new EdgeKey(TopicNode(pending, topicName, groupEvent.At), group, EdgeKinds.Consumes), 0, 0, groupEvent.At, groupEvent.At);
            }
        }
    });

    public void OnTopic(TopicActivityEvent topicEvent) => Write(pending =>
        pending.AddNode(NodeIds.Topic(NodeIds.LocalCluster, topicEvent.Topic), NodeKinds.Topic, topicEvent.Topic, [
            new("cluster", NodeIds.LocalCluster),
            new("partitions", topicEvent.PartitionCount.ToString(CultureInfo.InvariantCulture)),
            new("deleted", topicEvent.Kind == TopicActivityKind.Deleted ? "true" : "false"),
            .. topicEvent.Configs.Select(c => new KeyValuePair<string, string?>("config." + c.Key, c.Value)),
        ], topicEvent.At));

    /// <summary>A registry request: client → subject (<c>registers</c> or <c>uses-schema</c>), subject → schema, and the topic the subject names (TopicNameStrategy).</summary>
    public void OnRegistryAccess(RegistryAccess access) => Write(pending =>
    {
        var client = NodeIds.Client(access.ClientId);
        pending.AddNode(client, NodeKinds.Client, access.ClientId, [
            new("address", access.Address),
            new("userAgent", access.UserAgent),
            new("principal", access.Principal),
        ], access.At);
        var subject = NodeIds.Subject(access.Subject);
        pending.AddNode(subject, NodeKinds.Subject, access.Subject, [], access.At);
        var kind = access.Kind == RegistryAccessKind.Registers ? EdgeKinds.Registers : EdgeKinds.UsesSchema;
        pending.AddEdge(new EdgeKey(client, subject, kind), 1, 0, access.At, access.At);
        if (access.SchemaId is { } id)
        {
            pending.AddEdge(new EdgeKey(subject, SchemaNode(pending, id, access.At), EdgeKinds.UsesSchema), 1, 0, access.At, access.At);
        }

        if (TopicOfSubject(access.Subject) is { } topicName)
        {
            pending.AddEdge(new EdgeKey(TopicNode(pending, topicName, access.At), subject, EdgeKinds.UsesSchema), 1, 0, access.At, access.At);
        }
    });

    /// <summary>Adds what is pending to the store. On failure the counts go back to pending, to be tried again.</summary>
    public async Task FlushAsync(CancellationToken cancellationToken)
    {
        await _storeGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            PendingLineage taken;
            lock (_lock)
            {
                taken = _pending;
                _pending = new PendingLineage();
            }

            if (taken.IsEmpty)
            {
                return;
            }

            try
            {
                await _store.AddAsync(taken.Buckets, taken.Nodes, cancellationToken).ConfigureAwait(false);
            }
            catch
            {
                Restore(taken);
                throw;
            }
        }
        finally
        {
            _storeGate.Release();
        }
    }

    /// <summary>Reads the store and the pending buckets and nodes while no flush moves counts between them.</summary>
    public async Task<T> ReadAsync<T>(Func<ILineageStore, IReadOnlyCollection<EdgeBucket>, IReadOnlyCollection<NodeRecord>, Task<T>> read, CancellationToken cancellationToken)
    {
        await _storeGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            List<EdgeBucket> buckets;
            List<NodeRecord> nodes;
            lock (_lock)
            {
                buckets = [.. _pending.Buckets];
                nodes = [.. _pending.Nodes];
            }

            return await read(_store, buckets, nodes).ConfigureAwait(false);
        }
        finally
        {
            _storeGate.Release();
        }
    }

    /// <summary><c>orders-value</c> and <c>orders-key</c> name topic <c>orders</c> (Confluent's TopicNameStrategy).</summary>
    public static string? TopicOfSubject(string subject) =>
        subject.EndsWith("-value", StringComparison.Ordinal) && subject.Length > 6 ? subject[..^6]
        : subject.EndsWith("-key", StringComparison.Ordinal) && subject.Length > 4 ? subject[..^4]
        : null;

    private static string ClientNode(PendingLineage pending, string clientId, DateTimeOffset at)
    {
        var id = NodeIds.Client(clientId);
        pending.AddNode(id, NodeKinds.Client, clientId, [], at);
        return id;
    }

    private static string TopicNode(PendingLineage pending, string topic, DateTimeOffset at)
    {
        var id = NodeIds.Topic(NodeIds.LocalCluster, topic);
        pending.AddNode(id, NodeKinds.Topic, topic, [new("cluster", NodeIds.LocalCluster)], at);
        return id;
    }

    private static string GroupNode(PendingLineage pending, string group, DateTimeOffset at)
    {
        var id = NodeIds.Group(NodeIds.LocalCluster, group);
        pending.AddNode(id, NodeKinds.Group, group, [new("cluster", NodeIds.LocalCluster)], at);
        return id;
    }

    private static string SchemaNode(PendingLineage pending, int schemaId, DateTimeOffset at)
    {
        var id = NodeIds.Schema(schemaId);
        pending.AddNode(id, NodeKinds.Schema, schemaId.ToString(CultureInfo.InvariantCulture), [], at);
        return id;
    }

    private void Write(Action<PendingLineage> write)
    {
        lock (_lock)
        {
            write(_pending);
        }
    }

    private void Restore(PendingLineage failed)
    {
        lock (_lock)
        {
            foreach (var bucket in failed.Buckets)
            {
                _pending.AddEdge(bucket.Edge, bucket.Records, bucket.Bytes, bucket.FirstSeen, bucket.LastSeen);
            }

            foreach (var node in failed.Nodes)
            {
                _pending.AddNode(node.Id, node.Kind, node.Name, node.Attributes.Select(a => new KeyValuePair<string, string?>(a.Key, a.Value)), node.LastSeen);
            }
        }
    }
}
