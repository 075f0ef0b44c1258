using Governance.Kafka.Protocol.Wire;

namespace Governance.Kafka.Protocol.Messages;

/// <summary>HeartbeatRequest.json, versions 0-4.</summary>
public sealed class HeartbeatRequest : IProtocolStruct
{
    public string GroupId = "";
    public int GenerationId;
    public string MemberId = "";
    public string? GroupInstanceId;
    public List<TaggedField>? Tags;

    public void Serialize(MessageCodec codec)
    {
        codec.String(ref GroupId);
        codec.Int32(ref GenerationId);
        codec.String(ref MemberId);
        if (codec.Version >= 3) codec.NullableString(ref GroupInstanceId);
        codec.TaggedFields(ref Tags);
    }
}
