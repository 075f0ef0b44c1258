namespace Governance.Kafka.Protocol;

/// <summary>
/// A frame that cannot be decoded: truncated, a length that points past the frame, or an impossible value.
/// The connection that sent it gets an error answer or is closed; nothing else is affected.
/// </summary>
public sealed class KafkaProtocolException(string message) : Exception(message);
