using Governance.Kafka.Protocol.Wire;

namespace Governance.Kafka.Protocol.Messages;

/// <summary>AlterConfigsRequest.json, versions 0-2: replaces a resource's whole set of configs.</summary>
public sealed class AlterConfigsRequest : IProtocolStruct
{
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
