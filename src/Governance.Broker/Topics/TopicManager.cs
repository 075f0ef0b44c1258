using Governance.Broker.Producers;
using Governance.Broker.Validation;

namespace Governance.Broker.Topics;

/// <summary>
/// Every topic of the broker under one data directory: create (Kafka's name rules), delete, add partitions, list,
/// describe, per-topic configs persisted as <c>topics/&lt;topic&gt;.json</c>, auto-creation on first use, and the
/// retention loop. Also owns the producer id allocation. Thread-safe.
/// </summary>
public sealed class TopicManager : IDisposable
{
    /// <param name="schemaValidator">Checks produces to topics with confluent.*.schema.validation on; null refuses such produces.</param>
    public TopicManager(TopicManagerOptions options, SchemaValidator? schemaValidator = null, TimeProvider? time = null)
    {
        throw new NotImplementedException();
    }

    public TopicManagerOptions Options => throw new NotImplementedException();

    /// <summary>InitProducerId allocation (ids persisted so they are never reused).</summary>
    public ProducerIdManager ProducerIds => throw new NotImplementedException();

    /// <summary>
    /// CreateTopics for one topic: INVALID_TOPIC_EXCEPTION (bad name), TOPIC_ALREADY_EXISTS, INVALID_PARTITIONS,
    /// INVALID_CONFIG (unknown config or bad value, named in the message). <paramref name="partitionCount"/> -1 means the default.
    /// </summary>
    public TopicOperationResult CreateTopic(string name, int partitionCount, IReadOnlyDictionary<string, string?>? configs = null, bool validateOnly = false) =>
        throw new NotImplementedException();

    /// <summary>DeleteTopics for one topic: removes its partitions' directories and its config file (UNKNOWN_TOPIC_OR_PARTITION when absent).</summary>
    public TopicOperationResult DeleteTopic(string name) => throw new NotImplementedException();

    /// <summary>CreatePartitions: grows the topic to <paramref name="totalCount"/> partitions (INVALID_PARTITIONS when not larger).</summary>
    public TopicOperationResult CreatePartitions(string name, int totalCount, bool validateOnly = false) => throw new NotImplementedException();

    /// <summary>The topic, or null when it does not exist.</summary>
    public Topic? GetTopic(string name) => throw new NotImplementedException();

    /// <summary>
    /// The topic, creating it with the default partition count when it does not exist and auto-creation is on (Metadata,
    /// Produce). Null when it does not exist and cannot be created (auto-creation off, or an illegal name).
    /// </summary>
    public Topic? GetOrAutoCreateTopic(string name) => throw new NotImplementedException();

    /// <summary>The partition, or null when the topic or the partition does not exist (UNKNOWN_TOPIC_OR_PARTITION).</summary>
    public Partition? GetPartition(string topic, int partition) => throw new NotImplementedException();

    /// <summary>All topics, ordered by name.</summary>
    public IReadOnlyList<Topic> ListTopics() => throw new NotImplementedException();

    /// <summary>The topic with every config (overrides and defaults), or null when it does not exist.</summary>
    public TopicDescription? DescribeTopic(string name) => throw new NotImplementedException();

    /// <summary>AlterConfigs (legacy): replaces all the topic's overrides with <paramref name="configs"/>; persisted.</summary>
    public TopicOperationResult AlterConfigs(string name, IReadOnlyDictionary<string, string?> configs, bool validateOnly = false) =>
        throw new NotImplementedException();

    /// <summary>IncrementalAlterConfigs (KIP-339): sets, deletes (back to default), appends to or subtracts from list configs; persisted.</summary>
    public TopicOperationResult IncrementalAlterConfigs(string name, IReadOnlyList<ConfigAlteration> alterations, bool validateOnly = false) =>
        throw new NotImplementedException();

    /// <summary>Enforces retention on every partition now (the background loop calls this every <see cref="TopicManagerOptions.RetentionCheckInterval"/>).</summary>
    public int EnforceRetention() => throw new NotImplementedException();

    /// <summary>Writes producer state snapshots and closes every log.</summary>
    public void Dispose() => throw new NotImplementedException();
}
