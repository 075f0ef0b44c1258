using Governance.Kafka.Protocol.Wire;

namespace Governance.Kafka.Protocol.Messages;

/// <summary>
/// FetchRequest.json, versions 0-12 (topics by name; v13+ switched to topic ids). v7+ fetch sessions (KIP-227):
/// this broker always answers with session id 0, "not part of a session".
/// </summary>
public sealed class FetchRequest : IProtocolStruct
{
    public int ReplicaId = -1;
    public int MaxWaitMs;
    public int MinBytes;
    public int MaxBytes = int.MaxValue;
    public sbyte IsolationLevel;
    public int SessionId;
    public int SessionEpoch = -1;
    public List<TopicPartitions<Partition>> Topics = [];
    public List<ForgottenTopic> ForgottenTopicsData = [];
    public string RackId = "";
    public List<TaggedField>? Tags;

    public void Serialize(MessageCodec codec)
    {
        codec.Int32(ref ReplicaId);
        codec.Int32(ref MaxWaitMs);
        codec.Int32(ref MinBytes);
        if (codec.Version >= 3) codec.Int32(ref MaxBytes);
        if (codec.Version >= 4) codec.Int8(ref IsolationLevel);
        if (codec.Version >= 7)
        {
            codec.Int32(ref SessionId);
            codec.Int32(ref SessionEpoch);
        }
        codec.Array(ref Topics);
        if (codec.Version >= 7) codec.Array(ref ForgottenTopicsData);
        if (codec.Version >= 11) codec.String(ref RackId);
        codec.TaggedFields(ref Tags);
    }

    public sealed class Partition : IProtocolStruct
    {
        public int PartitionIndex;
        public int CurrentLeaderEpoch = -1;
        public long FetchOffset;
        public int LastFetchedEpoch = -1;
        public long LogStartOffset = -1;
        public int PartitionMaxBytes;
        public List<TaggedField>? Tags;

        public void Serialize(MessageCodec codec)
        {
            codec.Int32(ref PartitionIndex);
            if (codec.Version >= 9) codec.Int32(ref CurrentLeaderEpoch);
            codec.Int64(ref FetchOffset);
            if (codec.Version >= 12) codec.Int32(ref LastFetchedEpoch);
            if (codec.Version >= 5) codec.Int64(ref LogStartOffset);
            codec.Int32(ref PartitionMaxBytes);
            codec.TaggedFields(ref Tags);
        }
    }

    public sealed class ForgottenTopic : IProtocolStruct
    {
        public string Name = "";
        public List<int> Partitions = [];
        public List<TaggedField>? Tags;

        public void Serialize(MessageCodec codec)
        {
            codec.String(ref Name);
            codec.Int32Array(ref Partitions);
            codec.TaggedFields(ref Tags);
        }
    }
}
