using Governance.Kafka.Protocol.Wire;

namespace Governance.Kafka.Protocol.Messages;

/// <summary>
/// IncrementalAlterConfigsRequest.json, versions 0-1 (KIP-339): per config, 0 = set, 1 = delete, 2 = append,
/// 3 = subtract. The answer has the layout of <see cref="AlterConfigsResponse"/>.
/// </summary>
public sealed class IncrementalAlterConfigsRequest : IProtocolStruct
{
    public const sbyte OperationSet = 0;
    public const sbyte OperationDelete = 1;

    public List<Resource> Resources = [];
    public bool ValidateOnly;
    public List<TaggedField>? Tags;

    public void Serialize(MessageCodec codec)
    {
        codec.Array(ref Resources);
        codec.Boolean(ref ValidateOnly);
        codec.TaggedFields(ref Tags);
    }

    public sealed class Resource : IProtocolStruct
    {
        public sbyte ResourceType;
        public string ResourceName = "";
        public List<Config> Configs = [];
        public List<TaggedField>? Tags;

        public void Serialize(MessageCodec codec)
        {
            codec.Int8(ref ResourceType);
            codec.String(ref ResourceName);
            codec.Array(ref Configs);
            codec.TaggedFields(ref Tags);
        }
    }

    public sealed class Config : IProtocolStruct
    {
        public string Name = "";
        public sbyte ConfigOperation;
        public string? Value;
        public List<TaggedField>? Tags;

        public void Serialize(MessageCodec codec)
        {
            codec.String(ref Name);
            codec.Int8(ref ConfigOperation);
            codec.NullableString(ref Value);
            codec.TaggedFields(ref Tags);
        }
    }
}
