using Governance.Kafka.Protocol.Wire;

namespace Governance.Kafka.Protocol.Messages;

/// <summary>DescribeProducersResponse.json (KIP-664), version 0: the active producers of each partition.</summary>
public sealed class DescribeProducersResponse : IProtocolStruct
{
    public int ThrottleTimeMs;
    public List<TopicPartitions<Partition>> Topics = [];
    public List<TaggedField>? Tags;

    public void Serialize(MessageCodec codec)
    {
        codec.Int32(ref ThrottleTimeMs);
        codec.Array(ref Topics);
        codec.TaggedFields(ref Tags);
    }

    public sealed class Partition : IProtocolStruct
    {
        public int PartitionIndex;
        public ErrorCode ErrorCode;
        public string? ErrorMessage;
        public List<ProducerState> ActiveProducers = [];
        public List<TaggedField>? Tags;

        public void Serialize(MessageCodec codec)
        {
            codec.Int32(ref PartitionIndex);
            codec.ErrorCode(ref ErrorCode);
            codec.NullableString(ref ErrorMessage);
            codec.Array(ref ActiveProducers);
            codec.TaggedFields(ref Tags);
        }
    }

    public sealed class ProducerState : IProtocolStruct
    {
        public long ProducerId;
        public int ProducerEpoch;
        public int LastSequence = -1;
        public long LastTimestamp = -1;
        public int CoordinatorEpoch;
        public long CurrentTxnStartOffset = -1;
        public List<TaggedField>? Tags;

        public void Serialize(MessageCodec codec)
        {
            codec.Int64(ref ProducerId);
            codec.Int32(ref ProducerEpoch);
            codec.Int32(ref LastSequence);
            codec.Int64(ref LastTimestamp);
            codec.Int32(ref CoordinatorEpoch);
            codec.Int64(ref CurrentTxnStartOffset);
            codec.TaggedFields(ref Tags);
        }
    }
}
