using Governance.Schemas.Avro.Parsing;

namespace Governance.Schemas.Avro;

/// <summary>The Avro schema format (<c>schemaType</c> <c>AVRO</c>), written from the Avro 1.12 specification.</summary>
/// <param name="limits">How deep the schema and its references may nest; deeper ones are refused before they are parsed.</param>
public sealed class AvroFormat(SchemaLimits limits) : ISchemaFormat
{
    public const string Type = "AVRO";

    public AvroFormat()
        : this(SchemaLimits.Default)
    {
    }

    public string SchemaType => Type;

    /// <inheritdoc cref="ISchemaFormat.Parse"/>
    public ParsedSchema Parse(string schemaText, IReadOnlyList<SchemaReferenceContent> references) => ParseAvro(schemaText, references, limits);

    /// <summary>Parses an Avro schema: each referenced schema first, in order, so the named types they define are known.</summary>
    /// <param name="limits">The nesting limit; <see cref="SchemaLimits.Default"/> when null.</param>
    public static AvroSchema ParseAvro(string schemaText, IReadOnlyList<SchemaReferenceContent> references, SchemaLimits? limits = null)
    {
        ArgumentNullException.ThrowIfNull(schemaText);
        ArgumentNullException.ThrowIfNull(references);
        limits ??= SchemaLimits.Default;
        var parser = new AvroSchemaParser(limits);
        var referencedRoots = references.Select(reference => parser.Parse(reference.SchemaText, reference.Name)).ToList();
        return new AvroSchema(parser.Parse(schemaText), referencedRoots, references, limits);
    }
}
