using Governance.Kafka.Protocol;

namespace Governance.Broker.Producers;

/// <summary>The answer to InitProducerId: a producer id and epoch, or an error.</summary>
public readonly record struct InitProducerIdResult(ErrorCode ErrorCode, long ProducerId, short ProducerEpoch, string? ErrorMessage = null);
