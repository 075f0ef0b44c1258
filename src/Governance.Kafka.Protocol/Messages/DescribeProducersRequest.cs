using Governance.Kafka.Protocol.Wire;

namespace Governance.Kafka.Protocol.Messages;

/// <summary>DescribeProducersRequest.json (KIP-664), version 0, flexible.</summary>
public sealed class DescribeProducersRequest : IProtocolStruct
{
    public List<Topic> Topics = [];
    public List<TaggedField>? Tags;

    public void Serialize(MessageCodec codec)
    {
        codec.Array(ref Topics);
        codec.TaggedFields(ref Tags);
    }

    public sealed class Topic : IProtocolStruct
    {
        public string Name = "";
        public List<int> PartitionIndexes = [];
        public List<TaggedField>? Tags;

        public void Serialize(MessageCodec codec)
        {
            codec.String(ref Name);
            codec.Int32Array(ref PartitionIndexes);
            codec.TaggedFields(ref Tags);
        }
    }
}
