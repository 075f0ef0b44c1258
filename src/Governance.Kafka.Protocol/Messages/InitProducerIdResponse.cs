using Governance.Kafka.Protocol.Wire;

namespace Governance.Kafka.Protocol.Messages;

/// <summary>InitProducerIdResponse.json, versions 0-4.</summary>
public sealed class InitProducerIdResponse : IProtocolStruct
{
    public int ThrottleTimeMs;
    public ErrorCode ErrorCode;
    public long ProducerId = -1;
    public short ProducerEpoch = -1;
    public List<TaggedField>? Tags;

    public void Serialize(MessageCodec codec)
    {
        codec.Int32(ref ThrottleTimeMs);
        codec.ErrorCode(ref ErrorCode);
        codec.Int64(ref ProducerId);
        codec.Int16(ref ProducerEpoch);
        codec.TaggedFields(ref Tags);
    }
}
