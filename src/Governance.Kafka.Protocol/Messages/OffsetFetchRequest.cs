using Governance.Kafka.Protocol.Wire;

namespace Governance.Kafka.Protocol.Messages;

/// <summary>OffsetFetchRequest.json, versions 0-7 (one group per request). Topics null (v2+) asks for all.</summary>
public sealed class OffsetFetchRequest : IProtocolStruct
{
    public string GroupId = "";
    public List<Topic>? Topics = [];
    public bool RequireStable;
    public List<TaggedField>? Tags;

    public void Serialize(MessageCodec codec)
    {
        codec.String(ref GroupId);
        if (codec.Version >= 2) codec.NullableArray(ref Topics);
        else codec.Array(ref Topics!);
        if (codec.Version >= 7) codec.Boolean(ref RequireStable);
        codec.TaggedFields(ref Tags);
    }

    public sealed class Topic : IProtocolStruct
    {
        public string Name = "";
        public List<int> PartitionIndexes = [];
        public List<TaggedField>? Tags;

        public void Serialize(MessageCodec codec)
        {
            codec.String(ref Name);
            codec.Int32Array(ref PartitionIndexes);
            codec.TaggedFields(ref Tags);
        }
    }
}
