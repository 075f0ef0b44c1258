using Governance.Schemas.Avro.Parsing;

namespace Governance.Schemas.Avro;

/// <summary>The Avro schema format (<c>schemaType</c> <c>AVRO</c>), written from the Avro 1.12 specification.</summary>
public sealed class AvroFormat : ISchemaFormat
{
    public const string Type = "AVRO";

    public string SchemaType => Type;

    /// <inheritdoc cref="ISchemaFormat.Parse"/>
    public ParsedSchema Parse(string schemaText, IReadOnlyList<SchemaReferenceContent> references) => ParseAvro(schemaText, references);

    /// <summary>Parses an Avro schema: each referenced schema first, in order, so the named types they define are known.</summary>
    public static AvroSchema ParseAvro(string schemaText, IReadOnlyList<SchemaReferenceContent> references)
    {
        ArgumentNullException.ThrowIfNull(schemaText);
        ArgumentNullException.ThrowIfNull(references);
        var parser = new AvroSchemaParser();
        var referencedRoots = references.Select(reference => parser.Parse(reference.SchemaText, reference.Name)).ToList();
        return new AvroSchema(parser.Parse(schemaText), referencedRoots, references);
    }
}
