using Governance.Kafka.Protocol.Wire;

namespace Governance.Kafka.Protocol.Messages;

/// <summary>ListGroupsRequest.json, versions 0-4: v4 filters by group state (KIP-518).</summary>
public sealed class ListGroupsRequest : IProtocolStruct
{
    public List<string> StatesFilter = [];
    public List<TaggedField>? Tags;

    public void Serialize(MessageCodec codec)
    {
        if (codec.Version >= 4) codec.StringArray(ref StatesFilter);
        codec.TaggedFields(ref Tags);
    }
}
