namespace Governance.Broker.Topics;

/// <summary>
/// The topic configs this broker knows, with the defaults Kafka reports for them (Kafka TopicConfig / LogConfig), which
/// of them it acts on, and their parsing into a <see cref="Log.LogConfig"/> and schema validation settings.
/// </summary>
public static class TopicConfigs
{
    public const string SegmentBytes = "segment.bytes";
    public const string RetentionMs = "retention.ms";
    public const string RetentionBytes = "retention.bytes";
    public const string CleanupPolicy = "cleanup.policy";
    public const string MessageTimestampType = "message.timestamp.type";
    public const string KeySchemaValidation = "confluent.key.schema.validation";
    public const string ValueSchemaValidation = "confluent.value.schema.validation";

    /// <summary>DescribeConfigs v3+ ConfigType of a config (KIP-569): 1 BOOLEAN, 2 STRING, 3 INT, 5 LONG, 7 LIST.</summary>
    public static sbyte TypeOf(string name) => throw new NotImplementedException();
}
