using Governance.Kafka.Protocol.Wire;

namespace Governance.Kafka.Protocol.Messages;

/// <summary>
/// DescribeConfigsResponse.json, versions 0-4. v0 flags defaults with IsDefault; v1+ names the ConfigSource
/// (1 = dynamic topic config, 5 = default config).
/// </summary>
public sealed class DescribeConfigsResponse : IProtocolStruct
{
    public const sbyte SourceTopicConfig = 1;
    public const sbyte SourceDefaultConfig = 5;

    public int ThrottleTimeMs;
    public List<Result> Results = [];
    public List<TaggedField>? Tags;

    public void Serialize(MessageCodec codec)
    {
        codec.Int32(ref ThrottleTimeMs);
        codec.Array(ref Results);
        codec.TaggedFields(ref Tags);
    }

    public sealed class Result : IProtocolStruct
    {
        public ErrorCode ErrorCode;
        public string? ErrorMessage;
        public sbyte ResourceType;
        public string ResourceName = "";
        public List<Config> Configs = [];
        public List<TaggedField>? Tags;

        public void Serialize(MessageCodec codec)
        {
            codec.ErrorCode(ref ErrorCode);
            codec.NullableString(ref ErrorMessage);
            codec.Int8(ref ResourceType);
            codec.String(ref ResourceName);
            codec.Array(ref Configs);
            codec.TaggedFields(ref Tags);
        }
    }

    public sealed class Config : IProtocolStruct
    {
        public string Name = "";
        public string? Value;
        public bool ReadOnly;
        public bool IsDefault;
        public sbyte ConfigSource = -1;
        public bool IsSensitive;
        public List<Synonym> Synonyms = [];
        public sbyte ConfigType;
        public string? Documentation;
        public List<TaggedField>? Tags;

        public void Serialize(MessageCodec codec)
        {
            codec.String(ref Name);
            codec.NullableString(ref Value);
            codec.Boolean(ref ReadOnly);
            if (codec.Version == 0) codec.Boolean(ref IsDefault);
            else codec.Int8(ref ConfigSource);
            codec.Boolean(ref IsSensitive);
            if (codec.Version >= 1) codec.Array(ref Synonyms);
            if (codec.Version >= 3)
            {
                codec.Int8(ref ConfigType);
                codec.NullableString(ref Documentation);
            }
            codec.TaggedFields(ref Tags);
        }
    }

    public sealed class Synonym : IProtocolStruct
    {
        public string Name = "";
        public string? Value;
        public sbyte Source;
        public List<TaggedField>? Tags;

        public void Serialize(MessageCodec codec)
        {
            codec.String(ref Name);
            codec.NullableString(ref Value);
            codec.Int8(ref Source);
            codec.TaggedFields(ref Tags);
        }
    }
}
