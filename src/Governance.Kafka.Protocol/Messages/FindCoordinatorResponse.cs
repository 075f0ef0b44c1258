using Governance.Kafka.Protocol.Wire;

namespace Governance.Kafka.Protocol.Messages;

/// <summary>FindCoordinatorResponse.json, versions 0-3.</summary>
public sealed class FindCoordinatorResponse : IProtocolStruct
{
    public int ThrottleTimeMs;
    public ErrorCode ErrorCode;
    public string? ErrorMessage;
    public int NodeId;
    public string Host = "";
    public int Port;
    public List<TaggedField>? Tags;

    public void Serialize(MessageCodec codec)
    {
        if (codec.Version >= 1) codec.Int32(ref ThrottleTimeMs);
        codec.ErrorCode(ref ErrorCode);
        if (codec.Version >= 1) codec.NullableString(ref ErrorMessage);
        codec.Int32(ref NodeId);
        codec.String(ref Host);
        codec.Int32(ref Port);
        codec.TaggedFields(ref Tags);
    }
}
