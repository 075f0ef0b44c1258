using Governance.Kafka.Protocol;
using Governance.Kafka.Protocol.Wire;

namespace Governance.Broker.Network;

/// <summary>
/// A request frame split into header and body (docs/protocol.html, "Requests and Responses"). An api key this broker
/// lacks or a version outside the advertised range leaves <see cref="Body"/> null: the body's layout is unknown, so it
/// is never guessed at.
/// </summary>
public sealed class DecodedRequest
{
    private DecodedRequest(RequestHeader header, ApiDefinition? definition, IProtocolStruct? body)
    {
        Header = header;
        Definition = definition;
        Body = body;
    }

    public RequestHeader Header { get; }

    public ApiDefinition? Definition { get; }

    public IProtocolStruct? Body { get; }

    /// <summary>Decodes one frame (without its size prefix).</summary>
    /// <exception cref="KafkaProtocolException">The frame is truncated, has bad lengths or trailing garbage.</exception>
    public static DecodedRequest Decode(ReadOnlyMemory<byte> frame)
    {
        var reader = new MessageReader(frame);
        var header = RequestHeader.ReadFixedPart(reader);
        var definition = ApiCatalog.Find(header.ApiKey);
        if (definition is null || !definition.Supports(header.ApiVersion))
        {
            return new DecodedRequest(header, definition, null);
        }
        header.ReadTags(reader, definition.RequestHeaderVersion(header.ApiVersion));
        var body = definition.NewRequest();
        reader.Version = header.ApiVersion;
        reader.Flexible = definition.IsFlexible(header.ApiVersion);
        body.Serialize(reader);
        if (reader.Remaining != 0)
        {
            throw new KafkaProtocolException(
                $"{definition.Key} v{header.ApiVersion} request has {reader.Remaining} bytes after its last field");
        }
        return new DecodedRequest(header, definition, body);
    }
}
