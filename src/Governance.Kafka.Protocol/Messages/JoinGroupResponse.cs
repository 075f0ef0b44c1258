using Governance.Kafka.Protocol.Wire;

namespace Governance.Kafka.Protocol.Messages;

/// <summary>JoinGroupResponse.json, versions 0-7. The leader gets every member's metadata, followers none.</summary>
public sealed class JoinGroupResponse : IProtocolStruct
{
    public int ThrottleTimeMs;
    public ErrorCode ErrorCode;
    public int GenerationId = -1;
    public string? ProtocolType;
    public string? ProtocolName;
    public string Leader = "";
    public string MemberId = "";
    public List<Member> Members = [];
    public List<TaggedField>? Tags;

    public void Serialize(MessageCodec codec)
    {
        if (codec.Version >= 2) codec.Int32(ref ThrottleTimeMs);
        codec.ErrorCode(ref ErrorCode);
        codec.Int32(ref GenerationId);
        if (codec.Version >= 7)
        {
            codec.NullableString(ref ProtocolType);
            codec.NullableString(ref ProtocolName);
        }
        else
        {
            var name = ProtocolName ?? "";
            codec.String(ref name);
            ProtocolName = name;
        }
        codec.String(ref Leader);
        codec.String(ref MemberId);
        codec.Array(ref Members);
        codec.TaggedFields(ref Tags);
    }

    public sealed class Member : IProtocolStruct
    {
        public string MemberId = "";
        public string? GroupInstanceId;
        public byte[] Metadata = [];
        public List<TaggedField>? Tags;

        public void Serialize(MessageCodec codec)
        {
            codec.String(ref MemberId);
            if (codec.Version >= 5) codec.NullableString(ref GroupInstanceId);
            codec.Bytes(ref Metadata);
            codec.TaggedFields(ref Tags);
        }
    }
}
