using Governance.Kafka.Protocol.Wire;

namespace Governance.Kafka.Protocol.Messages;

/// <summary>
/// ProduceRequest.json. Versions 0-2 carry message sets older than RecordBatch v2; they are decoded so that the
/// broker can refuse them with UNSUPPORTED_VERSION, as Kafka 4 does (KAFKA-18659).
/// </summary>
public sealed class ProduceRequest : IProtocolStruct
{
    public string? TransactionalId;
    public short Acks;
    public int TimeoutMs;
    public List<TopicPartitions<PartitionData>> Topics = [];
    public List<TaggedField>? Tags;

    public void Serialize(MessageCodec codec)
    {
        if (codec.Version >= 3) codec.NullableString(ref TransactionalId);
        codec.Int16(ref Acks);
        codec.Int32(ref TimeoutMs);
        codec.Array(ref Topics);
        codec.TaggedFields(ref Tags);
    }

    public sealed class PartitionData : IProtocolStruct
    {
        public int Index;

        /// <summary>The record batches as sent; a slice of the request frame while reading.</summary>
        public ReadOnlyMemory<byte>? Records;
        public List<TaggedField>? Tags;

        public void Serialize(MessageCodec codec)
        {
            codec.Int32(ref Index);
            codec.NullableBytes(ref Records);
            codec.TaggedFields(ref Tags);
        }
    }
}
