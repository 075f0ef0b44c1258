using Governance.Kafka.Protocol.Wire;

namespace Governance.Kafka.Protocol.Messages;

/// <summary>AlterConfigsResponse.json (0-2), also the layout of IncrementalAlterConfigsResponse.json (0-1).</summary>
public sealed class AlterConfigsResponse : IProtocolStruct
{
    public int ThrottleTimeMs;
    public List<Result> Responses = [];
    public List<TaggedField>? Tags;

    public void Serialize(MessageCodec codec)
    {
        codec.Int32(ref ThrottleTimeMs);
        codec.Array(ref Responses);
        codec.TaggedFields(ref Tags);
    }

    public sealed class Result : IProtocolStruct
    {
        public ErrorCode ErrorCode;
        public string? ErrorMessage;
        public sbyte ResourceType;
        public string ResourceName = "";
        public List<TaggedField>? Tags;

        public void Serialize(MessageCodec codec)
        {
            codec.ErrorCode(ref ErrorCode);
            codec.NullableString(ref ErrorMessage);
            codec.Int8(ref ResourceType);
            codec.String(ref ResourceName);
            codec.TaggedFields(ref Tags);
        }
    }
}
