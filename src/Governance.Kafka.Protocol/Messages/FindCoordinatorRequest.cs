using Governance.Kafka.Protocol.Wire;

namespace Governance.Kafka.Protocol.Messages;

/// <summary>FindCoordinatorRequest.json, versions 0-3: KeyType 0 = group, 1 = transaction.</summary>
public sealed class FindCoordinatorRequest : IProtocolStruct
{
    public string Key = "";
    public sbyte KeyType;
    public List<TaggedField>? Tags;

    public void Serialize(MessageCodec codec)
    {
        codec.String(ref Key);
        if (codec.Version >= 1) codec.Int8(ref KeyType);
        codec.TaggedFields(ref Tags);
    }
}
