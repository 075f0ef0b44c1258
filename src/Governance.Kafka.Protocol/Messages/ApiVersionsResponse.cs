using Governance.Kafka.Protocol.Wire;

namespace Governance.Kafka.Protocol.Messages;

/// <summary>ApiVersionsResponse.json. Feature tags (v3+) are not modelled; they round-trip as raw tags.</summary>
public sealed class ApiVersionsResponse : IProtocolStruct
{
    public ErrorCode ErrorCode;
    public List<ApiVersion> ApiKeys = [];
    public int ThrottleTimeMs;
    public List<TaggedField>? Tags;

    public void Serialize(MessageCodec codec)
    {
        codec.ErrorCode(ref ErrorCode);
        codec.Array(ref ApiKeys);
        if (codec.Version >= 1) codec.Int32(ref ThrottleTimeMs);
        codec.TaggedFields(ref Tags);
    }

    public sealed class ApiVersion : IProtocolStruct
    {
        public short ApiKey;
        public short MinVersion;
        public short MaxVersion;
        public List<TaggedField>? Tags;

        public void Serialize(MessageCodec codec)
        {
            codec.Int16(ref ApiKey);
            codec.Int16(ref MinVersion);
            codec.Int16(ref MaxVersion);
            codec.TaggedFields(ref Tags);
        }
    }
}
