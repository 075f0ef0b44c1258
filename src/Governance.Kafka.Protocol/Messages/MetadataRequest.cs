using Governance.Kafka.Protocol.Wire;

namespace Governance.Kafka.Protocol.Messages;

/// <summary>
/// MetadataRequest.json. Topics null (v1+) asks for all topics; v0 asks for all with an empty list.
/// v10+ identifies topics by id or name.
/// </summary>
public sealed class MetadataRequest : IProtocolStruct
{
    public List<Topic>? Topics = [];
    public bool AllowAutoTopicCreation = true;
    public bool IncludeClusterAuthorizedOperations;
    public bool IncludeTopicAuthorizedOperations;
    public List<TaggedField>? Tags;

    public void Serialize(MessageCodec codec)
    {
        if (codec.Version >= 1) codec.NullableArray(ref Topics);
        else codec.Array(ref Topics!);
        if (codec.Version >= 4) codec.Boolean(ref AllowAutoTopicCreation);
        if (codec.Version is >= 8 and <= 10) codec.Boolean(ref IncludeClusterAuthorizedOperations);
        if (codec.Version >= 8) codec.Boolean(ref IncludeTopicAuthorizedOperations);
        codec.TaggedFields(ref Tags);
    }

    public sealed class Topic : IProtocolStruct
    {
        public Guid TopicId;
        public string? Name;
        public List<TaggedField>? Tags;

        public void Serialize(MessageCodec codec)
        {
            if (codec.Version >= 10)
            {
                codec.Uuid(ref TopicId);
                codec.NullableString(ref Name);
            }
            else
            {
                var name = Name ?? "";
                codec.String(ref name);
                Name = name;
            }
            codec.TaggedFields(ref Tags);
        }
    }
}
