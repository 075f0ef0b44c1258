using Governance.Kafka.Protocol.Wire;

namespace Governance.Kafka.Protocol.Messages;

/// <summary>DescribeGroupsResponse.json, versions 0-5.</summary>
public sealed class DescribeGroupsResponse : IProtocolStruct
{
    public int ThrottleTimeMs;
    public List<Group> Groups = [];
    public List<TaggedField>? Tags;

    public void Serialize(MessageCodec codec)
    {
        if (codec.Version >= 1) codec.Int32(ref ThrottleTimeMs);
        codec.Array(ref Groups);
        codec.TaggedFields(ref Tags);
    }

    public sealed class Group : IProtocolStruct
    {
        public ErrorCode ErrorCode;
        public string GroupId = "";
        public string GroupState = "";
        public string ProtocolType = "";
        public string ProtocolData = "";
        public List<Member> Members = [];
        public int AuthorizedOperations = int.MinValue;
        public List<TaggedField>? Tags;

        public void Serialize(MessageCodec codec)
        {
            codec.ErrorCode(ref ErrorCode);
            codec.String(ref GroupId);
            codec.String(ref GroupState);
            codec.String(ref ProtocolType);
            codec.String(ref ProtocolData);
            codec.Array(ref Members);
            if (codec.Version >= 3) codec.Int32(ref AuthorizedOperations);
            codec.TaggedFields(ref Tags);
        }
    }

    public sealed class Member : IProtocolStruct
    {
        public string MemberId = "";
        public string? GroupInstanceId;
        public string ClientId = "";
        public string ClientHost = "";
        public byte[] MemberMetadata = [];
        public byte[] MemberAssignment = [];
        public List<TaggedField>? Tags;

        public void Serialize(MessageCodec codec)
        {
            codec.String(ref MemberId);
            if (codec.Version >= 4) codec.NullableString(ref GroupInstanceId);
            codec.String(ref ClientId);
            codec.String(ref ClientHost);
            codec.Bytes(ref MemberMetadata);
            codec.Bytes(ref MemberAssignment);
            codec.TaggedFields(ref Tags);
        }
    }
}
