using Governance.Kafka.Protocol.Wire;

namespace Governance.Kafka.Protocol.Messages;

/// <summary>SyncGroupResponse.json, versions 0-5.</summary>
public sealed class SyncGroupResponse : IProtocolStruct
{
    public int ThrottleTimeMs;
    public ErrorCode ErrorCode;
    public string? ProtocolType;
    public string? ProtocolName;
    public byte[] Assignment = [];
    public List<TaggedField>? Tags;

    public void Serialize(MessageCodec codec)
    {
        if (codec.Version >= 1) codec.Int32(ref ThrottleTimeMs);
        codec.ErrorCode(ref ErrorCode);
        if (codec.Version >= 5)
        {
            codec.NullableString(ref ProtocolType);
            codec.NullableString(ref ProtocolName);
        }
        codec.Bytes(ref Assignment);
        codec.TaggedFields(ref Tags);
    }
}
