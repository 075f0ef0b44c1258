using Governance.Kafka.Protocol.Wire;

namespace Governance.Kafka.Protocol;

/// <summary>
/// Request header v1/v2 (RequestHeader.json). ClientId stays a classic int16-length nullable string even in v2;
/// v2 only adds the tagged-field section.
/// </summary>
public sealed class RequestHeader
{
    public short ApiKey;
    public short ApiVersion;
    public int CorrelationId;
    public string? ClientId;
    public List<TaggedField>? Tags;

    /// <summary>
    /// Reads the fixed part (key, version, correlation id, client id). The caller reads the tagged fields with
    /// <see cref="ReadTags"/> once it knows the header version from the api key and version.
    /// </summary>
    public static RequestHeader ReadFixedPart(MessageReader reader)
    {
        var header = new RequestHeader();
        reader.Flexible = false;
        reader.Int16(ref header.ApiKey);
        reader.Int16(ref header.ApiVersion);
        reader.Int32(ref header.CorrelationId);
        reader.NullableString(ref header.ClientId);
        return header;
    }

    public void ReadTags(MessageReader reader, short headerVersion)
    {
        reader.Flexible = headerVersion >= 2;
        reader.TaggedFields(ref Tags);
    }

    public void Write(MessageWriter writer, short headerVersion)
    {
        writer.Flexible = false;
        writer.Int16(ref ApiKey);
        writer.Int16(ref ApiVersion);
        writer.Int32(ref CorrelationId);
        writer.NullableString(ref ClientId);
        writer.Flexible = headerVersion >= 2;
        writer.TaggedFields(ref Tags);
    }
}
