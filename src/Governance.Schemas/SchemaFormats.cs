namespace Governance.Schemas;

/// <summary>The formats a registry knows, found by their <c>schemaType</c> name (case-insensitive, as Confluent accepts it).</summary>
public sealed class SchemaFormats
{
    private readonly Dictionary<string, ISchemaFormat> _byType;

    public SchemaFormats(IEnumerable<ISchemaFormat> formats)
    {
        _byType = formats.ToDictionary(f => f.SchemaType, StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>The <c>schemaType</c> names, in the order Confluent lists them.</summary>
    public IReadOnlyList<string> Types => [.. _byType.Keys.Order(StringComparer.Ordinal)];

    public ISchemaFormat? Find(string schemaType) => _byType.GetValueOrDefault(schemaType);
}
