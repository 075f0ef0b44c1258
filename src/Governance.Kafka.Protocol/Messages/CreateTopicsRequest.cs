using Governance.Kafka.Protocol.Wire;

namespace Governance.Kafka.Protocol.Messages;

/// <summary>CreateTopicsRequest.json, versions 0-5. NumPartitions -1 (v4+) means the broker's default.</summary>
public sealed class CreateTopicsRequest : IProtocolStruct
{
    public List<Topic> Topics = [];
    public int TimeoutMs;
    public bool ValidateOnly;
    public List<TaggedField>? Tags;

    public void Serialize(MessageCodec codec)
    {
        codec.Array(ref Topics);
        codec.Int32(ref TimeoutMs);
        if (codec.Version >= 1) codec.Boolean(ref ValidateOnly);
        codec.TaggedFields(ref Tags);
    }

    public sealed class Topic : IProtocolStruct
    {
        public string Name = "";
        public int NumPartitions = -1;
        public short ReplicationFactor = -1;
        public List<Assignment> Assignments = [];
        public List<Config> Configs = [];
        public List<TaggedField>? Tags;

        public void Serialize(MessageCodec codec)
        {
            codec.String(ref Name);
            codec.Int32(ref NumPartitions);
            codec.Int16(ref ReplicationFactor);
            codec.Array(ref Assignments);
            codec.Array(ref Configs);
            codec.TaggedFields(ref Tags);
        }
    }

    public sealed class Assignment : IProtocolStruct
    {
        public int PartitionIndex;
        public List<int> BrokerIds = [];
        public List<TaggedField>? Tags;

        public void Serialize(MessageCodec codec)
        {
            codec.Int32(ref PartitionIndex);
            codec.Int32Array(ref BrokerIds);
            codec.TaggedFields(ref Tags);
        }
    }

    public sealed class Config : IProtocolStruct
    {
        public string Name = "";
        public string? Value;
        public List<TaggedField>? Tags;

        public void Serialize(MessageCodec codec)
        {
            codec.String(ref Name);
            codec.NullableString(ref Value);
            codec.TaggedFields(ref Tags);
        }
    }
}
