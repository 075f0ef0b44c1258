using Governance.Broker.Log;
using Governance.Broker.Validation;
using Governance.Kafka.Protocol.Records;

namespace Governance.Broker.Topics;

/// <summary>A topic: its name, id, partitions and configs.</summary>
public sealed class Topic
{
    private Partition[] _partitions = [];
    private IReadOnlyDictionary<string, string> _configOverrides;

    internal Topic(string name, Guid topicId, IReadOnlyDictionary<string, string> configOverrides, LogConfig logConfig)
    {
        Name = name;
        TopicId = topicId;
        _configOverrides = configOverrides;
        LogConfig = logConfig;
        SchemaValidation = TopicConfigs.ToSchemaValidation(configOverrides);
        TargetCompression = TopicConfigs.ToTargetCompression(configOverrides);
    }

    public string Name { get; }

    /// <summary>The topic id (KIP-516), stable across restarts.</summary>
    public Guid TopicId { get; }

    public IReadOnlyList<Partition> Partitions => Volatile.Read(ref _partitions);

    /// <summary>The configs this topic overrides (name → value); everything else is the broker default.</summary>
    public IReadOnlyDictionary<string, string> ConfigOverrides => Volatile.Read(ref _configOverrides);

    /// <summary>The topic's storage configuration (overrides on top of the broker defaults).</summary>
    public LogConfig LogConfig { get; private set; }

    /// <summary>confluent.key/value.schema.validation of this topic.</summary>
    public SchemaValidationSettings SchemaValidation { get; private set; }

    /// <summary>compression.type: the codec batches are stored in, or <see langword="null"/> to keep the producer's.</summary>
    public CompressionCodec? TargetCompression { get; private set; }

    internal void AddPartitions(IEnumerable<Partition> partitions) => Volatile.Write(ref _partitions, [.. _partitions, .. partitions]);

    internal void SetConfigs(IReadOnlyDictionary<string, string> overrides, LogConfig logConfig)
    {
        Volatile.Write(ref _configOverrides, overrides);
        LogConfig = logConfig;
        SchemaValidation = TopicConfigs.ToSchemaValidation(overrides);
        TargetCompression = TopicConfigs.ToTargetCompression(overrides);
        foreach (var partition in Partitions)
        {
            partition.Log.Reconfigure(logConfig);
        }
    }
}
