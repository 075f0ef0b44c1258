namespace Governance.Broker.Handlers;

/// <summary>
/// The broker's own bounds on a fetch answer, applied below the client's (fetch.max.bytes and
/// max.partition.fetch.bytes): <see cref="Hosting.BrokerOptions.FetchMaxBytes"/> and
/// <see cref="Hosting.BrokerOptions.FetchPartitionMaxBytes"/>.
/// </summary>
public sealed record FetchLimits(int MaxBytes, int PartitionMaxBytes);
