using Governance.Kafka.Protocol.Wire;

namespace Governance.Kafka.Protocol.Messages;

/// <summary>JoinGroupRequest.json, versions 0-7. v5+ carries the static member's group.instance.id (KIP-345).</summary>
public sealed class JoinGroupRequest : IProtocolStruct
{
    public string GroupId = "";
    public int SessionTimeoutMs;
    public int RebalanceTimeoutMs = -1;
    public string MemberId = "";
    public string? GroupInstanceId;
    public string ProtocolType = "";
    public List<Protocol> Protocols = [];
    public List<TaggedField>? Tags;

    public void Serialize(MessageCodec codec)
    {
        codec.String(ref GroupId);
        codec.Int32(ref SessionTimeoutMs);
        if (codec.Version >= 1) codec.Int32(ref RebalanceTimeoutMs);
        codec.String(ref MemberId);
        if (codec.Version >= 5) codec.NullableString(ref GroupInstanceId);
        codec.String(ref ProtocolType);
        codec.Array(ref Protocols);
        codec.TaggedFields(ref Tags);
    }

    public sealed class Protocol : IProtocolStruct
    {
        public string Name = "";
        public byte[] Metadata = [];
        public List<TaggedField>? Tags;

        public void Serialize(MessageCodec codec)
        {
            codec.String(ref Name);
            codec.Bytes(ref Metadata);
            codec.TaggedFields(ref Tags);
        }
    }
}
