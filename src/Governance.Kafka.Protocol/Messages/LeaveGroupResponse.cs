using Governance.Kafka.Protocol.Wire;

namespace Governance.Kafka.Protocol.Messages;

/// <summary>LeaveGroupResponse.json, versions 0-4.</summary>
public sealed class LeaveGroupResponse : IProtocolStruct
{
    public int ThrottleTimeMs;
    public ErrorCode ErrorCode;
    public List<Member> Members = [];
    public List<TaggedField>? Tags;

    public void Serialize(MessageCodec codec)
    {
        if (codec.Version >= 1) codec.Int32(ref ThrottleTimeMs);
        codec.ErrorCode(ref ErrorCode);
        if (codec.Version >= 3) codec.Array(ref Members);
        codec.TaggedFields(ref Tags);
    }

    public sealed class Member : IProtocolStruct
    {
        public string MemberId = "";
        public string? GroupInstanceId;
        public ErrorCode ErrorCode;
        public List<TaggedField>? Tags;

        public void Serialize(MessageCodec codec)
        {
            codec.String(ref MemberId);
            codec.NullableString(ref GroupInstanceId);
            codec.ErrorCode(ref ErrorCode);
            codec.TaggedFields(ref Tags);
        }
    }
}
