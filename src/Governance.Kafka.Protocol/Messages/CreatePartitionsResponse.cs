using Governance.Kafka.Protocol.Wire;

namespace Governance.Kafka.Protocol.Messages;

/// <summary>CreatePartitionsResponse.json, versions 0-3.</summary>
public sealed class CreatePartitionsResponse : IProtocolStruct
{
    public int ThrottleTimeMs;
    public List<Result> Results = [];
    public List<TaggedField>? Tags;

    public void Serialize(MessageCodec codec)
    {
        codec.Int32(ref ThrottleTimeMs);
        codec.Array(ref Results);
        codec.TaggedFields(ref Tags);
    }

    public sealed class Result : IProtocolStruct
    {
        public string Name = "";
        public ErrorCode ErrorCode;
        public string? ErrorMessage;
        public List<TaggedField>? Tags;

        public void Serialize(MessageCodec codec)
        {
            codec.String(ref Name);
            codec.ErrorCode(ref ErrorCode);
            codec.NullableString(ref ErrorMessage);
            codec.TaggedFields(ref Tags);
        }
    }
}
