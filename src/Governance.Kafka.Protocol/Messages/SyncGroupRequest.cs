using Governance.Kafka.Protocol.Wire;

namespace Governance.Kafka.Protocol.Messages;

/// <summary>SyncGroupRequest.json, versions 0-5. Only the leader sends assignments.</summary>
public sealed class SyncGroupRequest : IProtocolStruct
{
    public string GroupId = "";
    public int GenerationId;
    public string MemberId = "";
    public string? GroupInstanceId;
    public string? ProtocolType;
    public string? ProtocolName;
    public List<Assignment> Assignments = [];
    public List<TaggedField>? Tags;

    public void Serialize(MessageCodec codec)
    {
        codec.String(ref GroupId);
        codec.Int32(ref GenerationId);
        codec.String(ref MemberId);
        if (codec.Version >= 3) codec.NullableString(ref GroupInstanceId);
        if (codec.Version >= 5)
        {
            codec.NullableString(ref ProtocolType);
            codec.NullableString(ref ProtocolName);
        }
        codec.Array(ref Assignments);
        codec.TaggedFields(ref Tags);
    }

    public sealed class Assignment : IProtocolStruct
    {
        public string MemberId = "";
        public byte[] Data = [];
        public List<TaggedField>? Tags;

        public void Serialize(MessageCodec codec)
        {
            codec.String(ref MemberId);
            codec.Bytes(ref Data);
            codec.TaggedFields(ref Tags);
        }
    }
}
