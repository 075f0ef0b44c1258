using Governance.Kafka.Protocol.Wire;

namespace Governance.Kafka.Protocol.Messages;

/// <summary>ProduceResponse.json. v8+ explains refused batches (RecordErrors, ErrorMessage; KIP-467).</summary>
public sealed class ProduceResponse : IProtocolStruct
{
    public List<TopicPartitions<PartitionResponse>> Responses = [];
    public int ThrottleTimeMs;
    public List<TaggedField>? Tags;

    public void Serialize(MessageCodec codec)
    {
        codec.Array(ref Responses);
        if (codec.Version >= 1) codec.Int32(ref ThrottleTimeMs);
        codec.TaggedFields(ref Tags);
    }

    public sealed class PartitionResponse : IProtocolStruct
    {
        public int Index;
        public ErrorCode ErrorCode;
        public long BaseOffset = -1;
        public long LogAppendTimeMs = -1;
        public long LogStartOffset = -1;
        public List<RecordError> RecordErrors = [];
        public string? ErrorMessage;
        public List<TaggedField>? Tags;

        public void Serialize(MessageCodec codec)
        {
            codec.Int32(ref Index);
            codec.ErrorCode(ref ErrorCode);
            codec.Int64(ref BaseOffset);
            if (codec.Version >= 2) codec.Int64(ref LogAppendTimeMs);
            if (codec.Version >= 5) codec.Int64(ref LogStartOffset);
            if (codec.Version >= 8)
            {
                codec.Array(ref RecordErrors);
                codec.NullableString(ref ErrorMessage);
            }
            codec.TaggedFields(ref Tags);
        }
    }

    public sealed class RecordError : IProtocolStruct
    {
        public int BatchIndex;
        public string? BatchIndexErrorMessage;
        public List<TaggedField>? Tags;

        public void Serialize(MessageCodec codec)
        {
            codec.Int32(ref BatchIndex);
            codec.NullableString(ref BatchIndexErrorMessage);
            codec.TaggedFields(ref Tags);
        }
    }
}
