using Governance.Kafka.Protocol.Wire;

namespace Governance.Kafka.Protocol;

/// <summary>Response header v0 (correlation id) and v1 (plus tagged fields), ResponseHeader.json.</summary>
public sealed class ResponseHeader
{
    public int CorrelationId;
    public List<TaggedField>? Tags;

    public void Serialize(MessageCodec codec, short headerVersion)
    {
        codec.Flexible = headerVersion >= 1;
        codec.Int32(ref CorrelationId);
        codec.TaggedFields(ref Tags);
    }
}
