using Governance.Kafka.Protocol.Wire;

namespace Governance.Kafka.Protocol.Messages;

/// <summary>ListOffsetsResponse.json, versions 0-7. v0 answers with a list of offsets instead of one.</summary>
public sealed class ListOffsetsResponse : IProtocolStruct
{
    public int ThrottleTimeMs;
    public List<TopicPartitions<Partition>> Topics = [];
    public List<TaggedField>? Tags;

    public void Serialize(MessageCodec codec)
    {
        if (codec.Version >= 2) codec.Int32(ref ThrottleTimeMs);
        codec.Array(ref Topics);
        codec.TaggedFields(ref Tags);
    }

    public sealed class Partition : IProtocolStruct
    {
        public int PartitionIndex;
        public ErrorCode ErrorCode;
        public List<long> OldStyleOffsets = [];
        public long Timestamp = -1;
        public long Offset = -1;
        public int LeaderEpoch = -1;
        public List<TaggedField>? Tags;

        public void Serialize(MessageCodec codec)
        {
            codec.Int32(ref PartitionIndex);
            codec.ErrorCode(ref ErrorCode);
            if (codec.Version == 0) codec.Int64Array(ref OldStyleOffsets);
            if (codec.Version >= 1)
            {
                codec.Int64(ref Timestamp);
                codec.Int64(ref Offset);
            }
            if (codec.Version >= 4) codec.Int32(ref LeaderEpoch);
            codec.TaggedFields(ref Tags);
        }
    }
}
