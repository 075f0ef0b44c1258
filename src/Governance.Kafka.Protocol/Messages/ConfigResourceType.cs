namespace Governance.Kafka.Protocol.Messages;

/// <summary>Resource types of the config APIs (ConfigResource.Type): 2 = topic, 4 = broker.</summary>
public static class ConfigResourceType
{
    public const sbyte Topic = 2;
    public const sbyte Broker = 4;
}
