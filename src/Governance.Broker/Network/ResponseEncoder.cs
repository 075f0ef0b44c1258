using Governance.Kafka.Protocol;
using Governance.Kafka.Protocol.Wire;

namespace Governance.Broker.Network;

/// <summary>Writes a size-prefixed response frame: int32 size, response header, body.</summary>
public static class ResponseEncoder
{
    public static void Write(MessageWriter output, ApiDefinition definition, short version, int correlationId, IProtocolStruct body)
    {
        var sizePosition = output.Position;
        output.Advance(4);
        var header = new ResponseHeader { CorrelationId = correlationId };
        header.Serialize(output, definition.ResponseHeaderVersion(version));
        output.Version = version;
        output.Flexible = definition.IsFlexible(version);
        body.Serialize(output);
        output.PatchInt32(sizePosition, output.Position - sizePosition - 4);
    }
}
