using Governance.Kafka.Protocol.Wire;

namespace Governance.Kafka.Protocol.Messages;

/// <summary>DescribeGroupsRequest.json, versions 0-5.</summary>
public sealed class DescribeGroupsRequest : IProtocolStruct
{
    public List<string> Groups = [];
    public bool IncludeAuthorizedOperations;
    public List<TaggedField>? Tags;

    public void Serialize(MessageCodec codec)
    {
        codec.StringArray(ref Groups);
        if (codec.Version >= 3) codec.Boolean(ref IncludeAuthorizedOperations);
        codec.TaggedFields(ref Tags);
    }
}
