using Governance.Kafka.Protocol.Wire;

namespace Governance.Kafka.Protocol.Messages;

/// <summary>LeaveGroupRequest.json, versions 0-4: one member id before v3, a batch of members from v3 (KIP-345).</summary>
public sealed class LeaveGroupRequest : IProtocolStruct
{
    public string GroupId = "";
    public string MemberId = "";
    public List<Member> Members = [];
    public List<TaggedField>? Tags;

    public void Serialize(MessageCodec codec)
    {
        codec.String(ref GroupId);
        if (codec.Version <= 2) codec.String(ref MemberId);
        else codec.Array(ref Members);
        codec.TaggedFields(ref Tags);
    }

    public sealed class Member : IProtocolStruct
    {
        public string MemberId = "";
        public string? GroupInstanceId;
        public List<TaggedField>? Tags;

        public void Serialize(MessageCodec codec)
        {
            codec.String(ref MemberId);
            codec.NullableString(ref GroupInstanceId);
            codec.TaggedFields(ref Tags);
        }
    }
}
