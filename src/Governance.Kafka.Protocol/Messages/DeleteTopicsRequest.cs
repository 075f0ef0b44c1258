using Governance.Kafka.Protocol.Wire;

namespace Governance.Kafka.Protocol.Messages;

/// <summary>DeleteTopicsRequest.json, versions 0-5 (topics by name).</summary>
public sealed class DeleteTopicsRequest : IProtocolStruct
{
    public List<string> TopicNames = [];
    public int TimeoutMs;
    public List<TaggedField>? Tags;

    public void Serialize(MessageCodec codec)
    {
        codec.StringArray(ref TopicNames);
        codec.Int32(ref TimeoutMs);
        codec.TaggedFields(ref Tags);
    }
}
