using Governance.Kafka.Protocol.Wire;

namespace Governance.Kafka.Protocol.Messages;

/// <summary>DeleteTopicsResponse.json, versions 0-5.</summary>
public sealed class DeleteTopicsResponse : IProtocolStruct
{
    public int ThrottleTimeMs;
    public List<Result> Responses = [];
    public List<TaggedField>? Tags;

    public void Serialize(MessageCodec codec)
    {
        if (codec.Version >= 1) codec.Int32(ref ThrottleTimeMs);
        codec.Array(ref Responses);
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
            if (codec.Version >= 5) codec.NullableString(ref ErrorMessage);
            codec.TaggedFields(ref Tags);
        }
    }
}
