using Governance.Schemas.Protobuf.Descriptors;
using Governance.Schemas.Protobuf.Syntax;

namespace Governance.Schemas.Protobuf;

/// <summary>
/// The Protobuf schema format (<c>schemaType</c> PROTOBUF): <c>.proto</c> text, or base64 of a serialized
/// <c>FileDescriptorProto</c>, parsed in-process into the descriptor protoc would produce.
/// </summary>
/// <param name="limits">How deep the schema and its references may nest; deeper ones are refused while they are parsed.</param>
public sealed class ProtobufFormat(SchemaLimits limits) : ISchemaFormat
{
    public const string Type = "PROTOBUF";

    public ProtobufFormat()
        : this(SchemaLimits.Default)
    {
    }

    public string SchemaType => Type;

    public ParsedSchema Parse(string schemaText, IReadOnlyList<SchemaReferenceContent> references)
    {
        ArgumentNullException.ThrowIfNull(schemaText);
        ArgumentNullException.ThrowIfNull(references);
        try
        {
            var root = new ProtoFileLoader(references, limits).LoadRoot(schemaText);

            // Confluent names a schema after its first message or enum and refuses one without any (ProtobufSchema.name()).
            if (root.Descriptor.MessageType.Count == 0 && root.Descriptor.EnumType.Count == 0)
            {
                throw new InvalidSchemaException("Protobuf schema definition contains no type definitions");
            }

            return new ProtobufSchema(root, references, this);
        }
        catch (ProtoSchemaException e)
        {
            throw new InvalidSchemaException($"Invalid Protobuf schema: {e.Message}", e);
        }
        catch (InvalidSchemaException e)
        {
            throw new InvalidSchemaException($"Invalid Protobuf schema: {e.Message}", e);
        }
    }
}
