using Governance.Kafka.Protocol.Wire;

namespace Governance.Kafka.Protocol.Messages;

/// <summary>OffsetFetchResponse.json, versions 0-7. Offset -1 means nothing committed.</summary>
public sealed class OffsetFetchResponse : IProtocolStruct
{
    public int ThrottleTimeMs;
    public List<TopicPartitions<Partition>> Topics = [];
    public ErrorCode ErrorCode;
    public List<TaggedField>? Tags;

    public void Serialize(MessageCodec codec)
    {
        if (codec.Version >= 3) codec.Int32(ref ThrottleTimeMs);
        codec.Array(ref Topics);
        if (codec.Version >= 2) codec.ErrorCode(ref ErrorCode);
        codec.TaggedFields(ref Tags);
    }

    public sealed class Partition : IProtocolStruct
    {
        public int PartitionIndex;
        public long CommittedOffset = -1;
        public int CommittedLeaderEpoch = -1;
        public string? Metadata;
        public ErrorCode ErrorCode;
        public List<TaggedField>? Tags;

        public void Serialize(MessageCodec codec)
        {
            codec.Int32(ref PartitionIndex);
            codec.Int64(ref CommittedOffset);
            if (codec.Version >= 5) codec.Int32(ref CommittedLeaderEpoch);
            codec.NullableString(ref Metadata);
            codec.ErrorCode(ref ErrorCode);
            codec.TaggedFields(ref Tags);
        }
    }
}
