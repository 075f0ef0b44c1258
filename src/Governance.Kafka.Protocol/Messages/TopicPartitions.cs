using Governance.Kafka.Protocol.Wire;

namespace Governance.Kafka.Protocol.Messages;

/// <summary>
/// The struct most per-partition messages nest: a topic name and that topic's partitions (e.g. TopicProduceData in
/// ProduceRequest.json, FetchTopic in FetchRequest.json). Only the partition struct differs between messages.
/// </summary>
public sealed class TopicPartitions<TPartition> : IProtocolStruct
    where TPartition : IProtocolStruct, new()
{
    public string Name = "";
    public List<TPartition> Partitions = [];
    public List<TaggedField>? Tags;

    public void Serialize(MessageCodec codec)
    {
        codec.String(ref Name);
        codec.Array(ref Partitions);
        codec.TaggedFields(ref Tags);
    }
}
