namespace Governance.Broker.Topics;

/// <summary>How IncrementalAlterConfigs changes one config (KIP-339): the operation numbers are the wire's.</summary>
public enum ConfigOperation : sbyte
{
    Set = 0,
    Delete = 1,
    Append = 2,
    Subtract = 3,
}

/// <summary>One change of an IncrementalAlterConfigs request.</summary>
public sealed record ConfigAlteration(string Name, ConfigOperation Operation, string? Value);
