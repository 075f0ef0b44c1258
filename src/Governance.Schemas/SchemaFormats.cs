namespace Governance.Schemas;

/// <summary>
/// The formats a registry knows, found by their exact <c>schemaType</c> name: Confluent keeps its schema providers in a
/// map keyed by <c>AVRO</c>, <c>PROTOBUF</c> and <c>JSON</c>, so <c>avro</c> or an empty name is no schema type.
/// </summary>
public sealed class SchemaFormats
{
    private readonly Dictionary<string, ISchemaFormat> _byType;

    public SchemaFormats(IEnumerable<ISchemaFormat> formats)
    {
        _byType = formats.ToDictionary(f => f.SchemaType, StringComparer.Ordinal);
    }

    /// <summary>The <c>schemaType</c> names, in the order Confluent lists them.</summary>
    public IReadOnlyList<string> Types => [.. _byType.Keys.Order(StringComparer.Ordinal)];

    public ISchemaFormat? Find(string schemaType) => _byType.GetValueOrDefault(schemaType);
}
