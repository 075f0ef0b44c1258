using Governance.Broker.Topics;
using Governance.Kafka.Protocol;

namespace Governance.Broker.Handlers;

/// <summary>The data plane's error codes carry Kafka's numbers, so they go onto the wire as they are.</summary>
internal static class WireErrors
{
    public static ErrorCode ToWire(this BrokerErrorCode code) => (ErrorCode)(short)code;
}
