using Governance.Kafka.Protocol.Wire;

namespace Governance.Kafka.Protocol.Messages;

/// <summary>HeartbeatResponse.json, versions 0-4.</summary>
public sealed class HeartbeatResponse : IProtocolStruct
{
    public int ThrottleTimeMs;
    public ErrorCode ErrorCode;
    public List<TaggedField>? Tags;

    public void Serialize(MessageCodec codec)
    {
        if (codec.Version >= 1) codec.Int32(ref ThrottleTimeMs);
        codec.ErrorCode(ref ErrorCode);
        codec.TaggedFields(ref Tags);
    }
}
