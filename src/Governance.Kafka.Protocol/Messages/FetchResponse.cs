using Governance.Kafka.Protocol.Wire;

namespace Governance.Kafka.Protocol.Messages;

/// <summary>FetchResponse.json, versions 0-12.</summary>
public sealed class FetchResponse : IProtocolStruct
{
    public int ThrottleTimeMs;
    public ErrorCode ErrorCode;
    public int SessionId;
    public List<TopicPartitions<PartitionData>> Responses = [];
    public List<TaggedField>? Tags;

    public void Serialize(MessageCodec codec)
    {
        if (codec.Version >= 1) codec.Int32(ref ThrottleTimeMs);
        if (codec.Version >= 7)
        {
            codec.ErrorCode(ref ErrorCode);
            codec.Int32(ref SessionId);
        }
        codec.Array(ref Responses);
        codec.TaggedFields(ref Tags);
    }

    public sealed class PartitionData : IProtocolStruct
    {
        public int PartitionIndex;
        public ErrorCode ErrorCode;
        public long HighWatermark = -1;
        public long LastStableOffset = -1;
        public long LogStartOffset = -1;
        public List<AbortedTransaction>? AbortedTransactions;
        public int PreferredReadReplica = -1;

        /// <summary>Whole record batches, starting with the one that holds the fetch offset.</summary>
        public ReadOnlyMemory<byte>? Records;
        public List<TaggedField>? Tags;

        public void Serialize(MessageCodec codec)
        {
            codec.Int32(ref PartitionIndex);
            codec.ErrorCode(ref ErrorCode);
            codec.Int64(ref HighWatermark);
            if (codec.Version >= 4) codec.Int64(ref LastStableOffset);
            if (codec.Version >= 5) codec.Int64(ref LogStartOffset);
            if (codec.Version >= 4) codec.NullableArray(ref AbortedTransactions);
            if (codec.Version >= 11) codec.Int32(ref PreferredReadReplica);
            codec.NullableBytes(ref Records);
            codec.TaggedFields(ref Tags);
        }
    }

    public sealed class AbortedTransaction : IProtocolStruct
    {
        public long ProducerId;
        public long FirstOffset;
        public List<TaggedField>? Tags;

        public void Serialize(MessageCodec codec)
        {
            codec.Int64(ref ProducerId);
            codec.Int64(ref FirstOffset);
            codec.TaggedFields(ref Tags);
        }
    }
}
