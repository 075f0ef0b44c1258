using Governance.Kafka.Protocol.Wire;

namespace Governance.Kafka.Protocol.Messages;

/// <summary>CreateTopicsResponse.json, versions 0-5. v5 echoes the created topic's configs (KIP-525).</summary>
public sealed class CreateTopicsResponse : IProtocolStruct
{
    public int ThrottleTimeMs;
    public List<Topic> Topics = [];
    public List<TaggedField>? Tags;

    public void Serialize(MessageCodec codec)
    {
        if (codec.Version >= 2) codec.Int32(ref ThrottleTimeMs);
        codec.Array(ref Topics);
        codec.TaggedFields(ref Tags);
    }

    public sealed class Topic : IProtocolStruct
    {
        public string Name = "";
        public ErrorCode ErrorCode;
        public string? ErrorMessage;
        public int NumPartitions = -1;
        public short ReplicationFactor = -1;
        public List<Config>? Configs;
        public List<TaggedField>? Tags;

        public void Serialize(MessageCodec codec)
        {
            codec.String(ref Name);
            codec.ErrorCode(ref ErrorCode);
            if (codec.Version >= 1) codec.NullableString(ref ErrorMessage);
            if (codec.Version >= 5)
            {
                codec.Int32(ref NumPartitions);
                codec.Int16(ref ReplicationFactor);
                codec.NullableArray(ref Configs);
            }
            codec.TaggedFields(ref Tags);
        }
    }

    public sealed class Config : IProtocolStruct
    {
        public string Name = "";
        public string? Value;
        public bool ReadOnly;
        public sbyte ConfigSource = -1;
        public bool IsSensitive;
        public List<TaggedField>? Tags;

        public void Serialize(MessageCodec codec)
        {
            codec.String(ref Name);
            codec.NullableString(ref Value);
            codec.Boolean(ref ReadOnly);
            codec.Int8(ref ConfigSource);
            codec.Boolean(ref IsSensitive);
            codec.TaggedFields(ref Tags);
        }
    }
}
