using Governance.Kafka.Protocol.Wire;

namespace Governance.Kafka.Protocol.Messages;

/// <summary>CreatePartitionsRequest.json, versions 0-3: Count is the new total number of partitions.</summary>
public sealed class CreatePartitionsRequest : IProtocolStruct
{
    public List<Topic> Topics = [];
    public int TimeoutMs;
    public bool ValidateOnly;
    public List<TaggedField>? Tags;

    public void Serialize(MessageCodec codec)
    {
        codec.Array(ref Topics);
        codec.Int32(ref TimeoutMs);
        codec.Boolean(ref ValidateOnly);
        codec.TaggedFields(ref Tags);
    }

    public sealed class Topic : IProtocolStruct
    {
        public string Name = "";
        public int Count;
        public List<Assignment>? Assignments;
        public List<TaggedField>? Tags;

        public void Serialize(MessageCodec codec)
        {
            codec.String(ref Name);
            codec.Int32(ref Count);
            codec.NullableArray(ref Assignments);
            codec.TaggedFields(ref Tags);
        }
    }

    public sealed class Assignment : IProtocolStruct
    {
        public List<int> BrokerIds = [];
        public List<TaggedField>? Tags;

        public void Serialize(MessageCodec codec)
        {
            codec.Int32Array(ref BrokerIds);
            codec.TaggedFields(ref Tags);
        }
    }
}
