using Governance.Kafka.Protocol.Wire;

namespace Governance.Kafka.Protocol.Messages;

/// <summary>
/// ListOffsetsRequest.json, versions 0-7. Timestamp -2 asks for the earliest offset, -1 the latest, -3 (v7+)
/// the offset of the largest timestamp; otherwise the first offset whose timestamp is at or after it.
/// </summary>
public sealed class ListOffsetsRequest : IProtocolStruct
{
    public const long Latest = -1;
    public const long Earliest = -2;
    public const long MaxTimestamp = -3;

    public int ReplicaId = -1;
    public sbyte IsolationLevel;
    public List<TopicPartitions<Partition>> Topics = [];
    public List<TaggedField>? Tags;

    public void Serialize(MessageCodec codec)
    {
        codec.Int32(ref ReplicaId);
        if (codec.Version >= 2) codec.Int8(ref IsolationLevel);
        codec.Array(ref Topics);
        codec.TaggedFields(ref Tags);
    }

    public sealed class Partition : IProtocolStruct
    {
        public int PartitionIndex;
        public int CurrentLeaderEpoch = -1;
        public long Timestamp;
        public int MaxNumOffsets = 1;
        public List<TaggedField>? Tags;

        public void Serialize(MessageCodec codec)
        {
            codec.Int32(ref PartitionIndex);
            if (codec.Version >= 4) codec.Int32(ref CurrentLeaderEpoch);
            codec.Int64(ref Timestamp);
            if (codec.Version == 0) codec.Int32(ref MaxNumOffsets);
            codec.TaggedFields(ref Tags);
        }
    }
}
