namespace Governance.Broker.Topics;

/// <summary>One topic config as DescribeConfigs reports it.</summary>
/// <param name="Value">The value in force; null only for sensitive configs.</param>
/// <param name="IsDefault">The topic does not override it (DescribeConfigs v0 IsDefault; v1+ source DEFAULT_CONFIG).</param>
/// <param name="IsReadOnly">Cannot be changed through AlterConfigs.</param>
public sealed record ConfigEntry(string Name, string? Value, bool IsDefault, bool IsReadOnly, bool IsSensitive = false)
{
    /// <summary>DescribeConfigs v1+ ConfigSource: 1 = DYNAMIC_TOPIC_CONFIG, 5 = DEFAULT_CONFIG.</summary>
    public sbyte Source => IsDefault ? (sbyte)5 : (sbyte)1;

    /// <summary>DescribeConfigs v3+ ConfigType (KIP-569): 1 BOOLEAN, 2 STRING, 3 INT, 5 LONG, 7 LIST.</summary>
    public sbyte Type => TopicConfigs.TypeOf(Name);
}
