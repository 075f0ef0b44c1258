using Governance.Kafka.Protocol.Wire;

namespace Governance.Kafka.Protocol.Messages;

/// <summary>
/// The layout AlterConfigsRequest.json (versions 0-2, flexible from 2) and IncrementalAlterConfigsRequest.json (KIP-339,
/// versions 0-1, flexible from 1) share: Resources [ResourceType int8, ResourceName string, Configs [...]], then
/// ValidateOnly bool. Only the config entry differs, so each request supplies its own <typeparamref name="TConfig"/>.
/// </summary>
public abstract class ConfigAlterationRequest<TConfig> : IProtocolStruct
    where TConfig : IProtocolStruct, new()
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
        public List<TConfig> Configs = [];
        public List<TaggedField>? Tags;

        public void Serialize(MessageCodec codec)
        {
            codec.Int8(ref ResourceType);
            codec.String(ref ResourceName);
            codec.Array(ref Configs);
            codec.TaggedFields(ref Tags);
        }
    }
}
