using Governance.Kafka.Protocol.Wire;

namespace Governance.Kafka.Protocol.Messages;

/// <summary>ApiVersionsRequest.json: v3+ names the client software (KIP-511), which feeds lineage.</summary>
public sealed class ApiVersionsRequest : IProtocolStruct
{
    public string ClientSoftwareName = "";
    public string ClientSoftwareVersion = "";
    public List<TaggedField>? Tags;

    public void Serialize(MessageCodec codec)
    {
        if (codec.Version >= 3)
        {
            codec.String(ref ClientSoftwareName);
            codec.String(ref ClientSoftwareVersion);
        }
        codec.TaggedFields(ref Tags);
    }
}
