using Governance.Kafka.Protocol.Wire;

namespace Governance.Kafka.Protocol.Messages;

/// <summary>DescribeConfigsRequest.json, versions 0-4. ConfigurationKeys null asks for every config.</summary>
public sealed class DescribeConfigsRequest : IProtocolStruct
{
    public List<Resource> Resources = [];
    public bool IncludeSynonyms;
    public bool IncludeDocumentation;
    public List<TaggedField>? Tags;

    public void Serialize(MessageCodec codec)
    {
        codec.Array(ref Resources);
        if (codec.Version >= 1) codec.Boolean(ref IncludeSynonyms);
        if (codec.Version >= 3) codec.Boolean(ref IncludeDocumentation);
        codec.TaggedFields(ref Tags);
    }

    public sealed class Resource : IProtocolStruct
    {
        public sbyte ResourceType;
        public string ResourceName = "";
        public List<string>? ConfigurationKeys;
        public List<TaggedField>? Tags;

        public void Serialize(MessageCodec codec)
        {
            codec.Int8(ref ResourceType);
            codec.String(ref ResourceName);
            codec.NullableStringArray(ref ConfigurationKeys);
            codec.TaggedFields(ref Tags);
        }
    }
}
