using Governance.Kafka.Protocol.Wire;

namespace Governance.Kafka.Protocol.Messages;

/// <summary>AlterConfigsRequest.json, versions 0-2: replaces a resource's whole set of configs.</summary>
public sealed class AlterConfigsRequest : ConfigAlterationRequest<AlterConfigsRequest.Config>
{
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
