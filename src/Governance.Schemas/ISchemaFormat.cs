namespace Governance.Schemas;

/// <summary>
/// One schema format (Avro, Protobuf, JSON Schema): turns schema text into a <see cref="ParsedSchema"/>.
/// Implementations hold no state between calls and do no I/O; references arrive already resolved.
/// </summary>
public interface ISchemaFormat
{
    /// <summary>The name Confluent Schema Registry uses in <c>schemaType</c>: <c>AVRO</c>, <c>PROTOBUF</c> or <c>JSON</c>.</summary>
    string SchemaType { get; }

    /// <summary>
    /// Parses and validates <paramref name="schemaText"/>.
    /// </summary>
    /// <param name="schemaText">The schema as the client sent it.</param>
    /// <param name="references">
    /// Every schema this one references, transitively, each once, dependencies before the schemas that use them.
    /// </param>
    /// <exception cref="InvalidSchemaException">The text is not a valid schema; the message names what is wrong and where.</exception>
    ParsedSchema Parse(string schemaText, IReadOnlyList<SchemaReferenceContent> references);
}
