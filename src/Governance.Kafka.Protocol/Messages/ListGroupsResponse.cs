using Governance.Kafka.Protocol.Wire;

namespace Governance.Kafka.Protocol.Messages;

/// <summary>ListGroupsResponse.json, versions 0-4.</summary>
public sealed class ListGroupsResponse : IProtocolStruct
{
    public int ThrottleTimeMs;
    public ErrorCode ErrorCode;
    public List<Group> Groups = [];
    public List<TaggedField>? Tags;

    public void Serialize(MessageCodec codec)
    {
        if (codec.Version >= 1) codec.Int32(ref ThrottleTimeMs);
        codec.ErrorCode(ref ErrorCode);
        codec.Array(ref Groups);
        codec.TaggedFields(ref Tags);
    }

    public sealed class Group : IProtocolStruct
    {
        public string GroupId = "";
        public string ProtocolType = "";
        public string GroupState = "";
        public List<TaggedField>? Tags;

        public void Serialize(MessageCodec codec)
        {
            codec.String(ref GroupId);
            codec.String(ref ProtocolType);
            if (codec.Version >= 4) codec.String(ref GroupState);
            codec.TaggedFields(ref Tags);
        }
    }
}
