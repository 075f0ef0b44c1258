namespace Governance.Schemas;

/// <summary>
/// A schema that parsed and validated. Immutable: a registry may cache it by id forever.
/// </summary>
public abstract class ParsedSchema
{
    /// <summary><c>AVRO</c>, <c>PROTOBUF</c> or <c>JSON</c>, as in <see cref="ISchemaFormat.SchemaType"/>.</summary>
    public abstract string SchemaType { get; }

    /// <summary>
    /// The text the registry stores and returns, as Confluent Schema Registry renders it (its <c>canonicalString()</c>).
    /// Two schemas with equal canonical text and equal references are the same schema and get the same id.
    /// </summary>
    public abstract string CanonicalText { get; }

    /// <summary>
    /// Confluent's <c>normalize=true</c>: an equivalent schema in normal form, so that schemas that differ only in ways the
    /// format deems insignificant get the same canonical text.
    /// </summary>
    public abstract ParsedSchema Normalize();

    /// <summary>
    /// Whether data written with <paramref name="previous"/> can be read with this schema (Confluent's
    /// <c>isBackwardCompatible</c>). Empty when compatible; otherwise every incompatibility found.
    /// Comparing schemas of different formats is always incompatible.
    /// </summary>
    public abstract IReadOnlyList<CompatibilityIssue> CheckBackwardCompatibility(ParsedSchema previous);

    /// <summary>
    /// Every difference from <paramref name="previous"/> to this schema, compatible or not, each with whether it breaks
    /// backward compatibility (new schema reading old data) and forward compatibility (old schema reading new data).
    /// </summary>
    public abstract IReadOnlyList<SchemaChange> DiffFrom(ParsedSchema previous);

    /// <summary>
    /// The schema rendered in another format named by the <c>format</c> query parameter of Confluent's read endpoints
    /// (for example <c>serialized</c> for Protobuf, <c>resolved</c> for Avro), or null when this format does not offer it.
    /// </summary>
    public virtual string? FormatAs(string format) => null;
}
