using System.Globalization;
using Governance.Broker.Log;
using Governance.Broker.Validation;
using Governance.Kafka.Protocol.Records;

namespace Governance.Broker.Topics;

/// <summary>
/// The topic configs this broker knows, with the defaults Kafka reports for them (Kafka TopicConfig / LogConfig), and
/// their parsing into a <see cref="LogConfig"/> and schema validation settings. Configs the broker acts on:
/// segment.bytes, retention.ms, retention.bytes, cleanup.policy (delete), index.interval.bytes, message.timestamp.type,
/// flush.messages (1 = fsync every batch), flush.ms, compression.type (the broker recompresses), and the confluent.*.schema.validation pair; the others are accepted,
/// stored and reported but change nothing on a single node.
/// </summary>
public static class TopicConfigs
{
    public const string SegmentBytes = "segment.bytes";
    public const string RetentionMs = "retention.ms";
    public const string RetentionBytes = "retention.bytes";
    public const string CleanupPolicy = "cleanup.policy";
    public const string IndexIntervalBytes = "index.interval.bytes";
    public const string MessageTimestampType = "message.timestamp.type";
    public const string FlushMessages = "flush.messages";
    public const string FlushMs = "flush.ms";
    public const string CompressionType = "compression.type";
    public const string KeySchemaValidation = "confluent.key.schema.validation";
    public const string ValueSchemaValidation = "confluent.value.schema.validation";

    private const sbyte BooleanType = 1;
    private const sbyte StringType = 2;
    private const sbyte IntType = 3;
    private const sbyte LongType = 5;
    private const sbyte DoubleType = 6;
    private const sbyte ListType = 7;
    private const string LongMax = "9223372036854775807";

    // Name → (Kafka's default, ConfigType). Defaults of the storage configs come from the broker's own defaults instead.
    private static readonly Dictionary<string, (string Default, sbyte Type)> Known = new(StringComparer.Ordinal)
    {
        [CleanupPolicy] = ("delete", ListType),
        [CompressionType] = ("producer", StringType),
        ["delete.retention.ms"] = ("86400000", LongType),
        ["file.delete.delay.ms"] = ("60000", LongType),
        [FlushMessages] = (LongMax, LongType),
        [FlushMs] = (LongMax, LongType),
        [IndexIntervalBytes] = ("4096", IntType),
        ["max.compaction.lag.ms"] = (LongMax, LongType),
        ["max.message.bytes"] = ("1048588", IntType),
        ["message.timestamp.after.max.ms"] = (LongMax, LongType),
        ["message.timestamp.before.max.ms"] = (LongMax, LongType),
        [MessageTimestampType] = ("CreateTime", StringType),
        ["min.cleanable.dirty.ratio"] = ("0.5", DoubleType),
        ["min.compaction.lag.ms"] = ("0", LongType),
        ["min.insync.replicas"] = ("1", IntType),
        ["preallocate"] = ("false", BooleanType),
        [RetentionBytes] = ("-1", LongType),
        [RetentionMs] = ("604800000", LongType),
        [SegmentBytes] = ("1073741824", IntType),
        ["segment.index.bytes"] = ("10485760", IntType),
        ["segment.jitter.ms"] = ("0", LongType),
        ["segment.ms"] = ("604800000", LongType),
        ["unclean.leader.election.enable"] = ("false", BooleanType),
        [KeySchemaValidation] = ("false", BooleanType),
        [ValueSchemaValidation] = ("false", BooleanType),
    };

    /// <summary>Every config name this broker knows, in name order.</summary>
    public static IReadOnlyList<string> Names { get; } = [.. Known.Keys.Order(StringComparer.Ordinal)];

    /// <summary>Whether <paramref name="name"/> is a topic config this broker knows.</summary>
    public static bool IsKnown(string name) => Known.ContainsKey(name);

    /// <summary>DescribeConfigs v3+ ConfigType of a config (KIP-569): 1 BOOLEAN, 2 STRING, 3 INT, 5 LONG, 6 DOUBLE, 7 LIST; 0 UNKNOWN.</summary>
    public static sbyte TypeOf(string name) => Known.TryGetValue(name, out var known) ? known.Type : (sbyte)0;

    /// <summary>The value a topic without an override reports, given the broker's storage defaults.</summary>
    public static string DefaultValue(string name, LogConfig brokerDefaults) => name switch
    {
        SegmentBytes => Format(brokerDefaults.SegmentBytes),
        RetentionMs => Format(brokerDefaults.RetentionMs),
        RetentionBytes => Format(brokerDefaults.RetentionBytes),
        IndexIntervalBytes => Format(brokerDefaults.IndexIntervalBytes),
        MessageTimestampType => brokerDefaults.LogAppendTime ? "LogAppendTime" : "CreateTime",
        _ => Known[name].Default,
    };

    /// <summary>Why a config name or value is not acceptable, or null when it is (INVALID_CONFIG).</summary>
    public static string? Validate(string name, string? value)
    {
        if (!Known.TryGetValue(name, out var known))
        {
            return $"Unknown topic config name: {name}";
        }

        if (value is null)
        {
            return $"Config '{name}' has a null value.";
        }

        var valid = (name, known.Type) switch
        {
            (CleanupPolicy, _) => value.Split(',').All(policy => policy.Trim() is "delete" or "compact"),
            (MessageTimestampType, _) => value is "CreateTime" or "LogAppendTime",
            (CompressionType, _) => value is "uncompressed" or "zstd" or "lz4" or "snappy" or "gzip" or "producer",
            (SegmentBytes, _) => int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var bytes) && bytes >= 14,
            (_, BooleanType) => value is "true" or "false",
            (_, IntType) => int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out _),
            (_, LongType) => long.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out _),
            (_, DoubleType) => double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out _),
            _ => true,
        };
        return valid ? null : $"Invalid value '{value}' for config '{name}'{Expectation(name, known.Type)}.";
    }

    /// <summary>The log configuration of a topic: its overrides on top of the broker's defaults. Overrides must be valid.</summary>
    public static LogConfig ToLogConfig(IReadOnlyDictionary<string, string> overrides, LogConfig brokerDefaults)
    {
        var config = brokerDefaults;
        foreach (var (name, value) in overrides)
        {
            config = name switch
            {
                SegmentBytes => config with { SegmentBytes = int.Parse(value, CultureInfo.InvariantCulture) },
                RetentionMs => config with { RetentionMs = long.Parse(value, CultureInfo.InvariantCulture) },
                RetentionBytes => config with { RetentionBytes = long.Parse(value, CultureInfo.InvariantCulture) },
                IndexIntervalBytes => config with { IndexIntervalBytes = Math.Max(0, int.Parse(value, CultureInfo.InvariantCulture)) },
                CleanupPolicy => config with { DeleteRetention = value.Split(',').Any(policy => policy.Trim() == "delete") },
                MessageTimestampType => config with { LogAppendTime = value == "LogAppendTime" },
                FlushMessages when value == "1" => config with { FlushMode = FlushMode.EveryBatch },
                FlushMs when long.Parse(value, CultureInfo.InvariantCulture) is >= 0 and <= int.MaxValue && config.FlushMode != FlushMode.EveryBatch =>
                    config with { FlushMode = FlushMode.Interval, FlushIntervalMs = int.Parse(value, CultureInfo.InvariantCulture) },
                _ => config,
            };
        }

        return config;
    }

    /// <summary>The topic's schema validation settings from its overrides.</summary>
    public static SchemaValidationSettings ToSchemaValidation(IReadOnlyDictionary<string, string> overrides) => new(
        overrides.TryGetValue(KeySchemaValidation, out var key) && key == "true",
        overrides.TryGetValue(ValueSchemaValidation, out var value) && value == "true");

    /// <summary>
    /// The codec compression.type asks the broker to store batches in, or <see langword="null"/> for "producer" (keep
    /// what the producer sent), as Kafka's LogValidator reads it.
    /// </summary>
    public static CompressionCodec? ToTargetCompression(IReadOnlyDictionary<string, string> overrides) =>
        overrides.TryGetValue(CompressionType, out var value) ? value switch
        {
            "uncompressed" => CompressionCodec.None,
            "gzip" => CompressionCodec.Gzip,
            "snappy" => CompressionCodec.Snappy,
            "lz4" => CompressionCodec.Lz4,
            "zstd" => CompressionCodec.Zstd,
            _ => null,
        } : null;

    private static string Format(long value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Expectation(string name, sbyte type) => (name, type) switch
    {
        (CleanupPolicy, _) => ": expected delete, compact or compact,delete",
        (MessageTimestampType, _) => ": expected CreateTime or LogAppendTime",
        (CompressionType, _) => ": expected uncompressed, zstd, lz4, snappy, gzip or producer",
        (SegmentBytes, _) => ": expected an integer of at least 14",
        (_, BooleanType) => ": expected true or false",
        (_, IntType) => ": expected a 32-bit integer",
        (_, LongType) => ": expected a 64-bit integer",
        (_, DoubleType) => ": expected a number",
        _ => string.Empty,
    };
}
