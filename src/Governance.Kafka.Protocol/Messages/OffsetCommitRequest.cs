using Governance.Kafka.Protocol.Wire;

namespace Governance.Kafka.Protocol.Messages;

/// <summary>
/// OffsetCommitRequest.json, versions 0-9. Generation -1 with an empty member id is a simple commit from a client
/// outside any group generation.
/// </summary>
public sealed class OffsetCommitRequest : IProtocolStruct
{
    public string GroupId = "";
    public int GenerationId = -1;
    public string MemberId = "";
    public string? GroupInstanceId;
    public long RetentionTimeMs = -1;
    public List<TopicPartitions<Partition>> Topics = [];
    public List<TaggedField>? Tags;

    public void Serialize(MessageCodec codec)
    {
        codec.String(ref GroupId);
        if (codec.Version >= 1)
        {
            codec.Int32(ref GenerationId);
            codec.String(ref MemberId);
        }
        if (codec.Version >= 7) codec.NullableString(ref GroupInstanceId);
        if (codec.Version is >= 2 and <= 4) codec.Int64(ref RetentionTimeMs);
        codec.Array(ref Topics);
        codec.TaggedFields(ref Tags);
    }

    public sealed class Partition : IProtocolStruct
    {
        public int PartitionIndex;
        public long CommittedOffset;
        public int CommittedLeaderEpoch = -1;
        public long CommitTimestamp = -1;
        public string? CommittedMetadata;
        public List<TaggedField>? Tags;

        public void Serialize(MessageCodec codec)
        {
            codec.Int32(ref PartitionIndex);
            codec.Int64(ref CommittedOffset);
            if (codec.Version >= 6) codec.Int32(ref CommittedLeaderEpoch);
            if (codec.Version == 1) codec.Int64(ref CommitTimestamp);
            codec.NullableString(ref CommittedMetadata);
            codec.TaggedFields(ref Tags);
        }
    }
}
