using Governance.Kafka.Protocol.Wire;

namespace Governance.Kafka.Protocol.Messages;

/// <summary>OffsetCommitResponse.json, versions 0-9.</summary>
public sealed class OffsetCommitResponse : IProtocolStruct
{
    public int ThrottleTimeMs;
    public List<TopicPartitions<Partition>> Topics = [];
    public List<TaggedField>? Tags;

    public void Serialize(MessageCodec codec)
    {
        if (codec.Version >= 3) codec.Int32(ref ThrottleTimeMs);
        codec.Array(ref Topics);
        codec.TaggedFields(ref Tags);
    }

    public sealed class Partition : IProtocolStruct
    {
        public int PartitionIndex;
        public ErrorCode ErrorCode;
        public List<TaggedField>? Tags;

        public void Serialize(MessageCodec codec)
        {
            codec.Int32(ref PartitionIndex);
            codec.ErrorCode(ref ErrorCode);
            codec.TaggedFields(ref Tags);
        }
    }
}
