using Governance.Schemas.Avro.Compatibility;
using Governance.Schemas.Avro.Diff;
using Governance.Schemas.Avro.Model;
using Governance.Schemas.Avro.Text;

namespace Governance.Schemas.Avro;

/// <summary>A parsed, valid Avro schema, with the named types its references define already resolved.</summary>
public sealed class AvroSchema : ParsedSchema
{
    private const string NewRole = "new";
    private const string OldRole = "old";

    private readonly IReadOnlyList<AvroType> _referencedRoots;
    private readonly IReadOnlyList<SchemaReferenceContent> _references;
    private readonly SchemaLimits _limits;
    private readonly Lazy<string> _canonicalText;
    private readonly Lazy<string> _parsingCanonicalForm;

    internal AvroSchema(AvroType root, IReadOnlyList<AvroType> referencedRoots, IReadOnlyList<SchemaReferenceContent> references, SchemaLimits limits)
    {
        Root = root;
        _referencedRoots = referencedRoots;
        _references = references;
        _limits = limits;
        _canonicalText = new(() => JavaSchemaWriter.Write(Root, ReferencedNames));
        _parsingCanonicalForm = new(() => Text.ParsingCanonicalForm.Write(Root));
    }

    public override string SchemaType => AvroFormat.Type;

    /// <summary>The schema's root type.</summary>
    public AvroType Root { get; }

    /// <summary>
    /// Java Avro's <c>Schema.toString()</c> with the referenced schemas' root types known, as Confluent stores it: types
    /// defined by references appear by name.
    /// </summary>
    public override string CanonicalText => _canonicalText.Value;

    /// <summary>The Parsing Canonical Form (Avro 1.12 specification, "Parsing Canonical Form for Schemas").</summary>
    public string ParsingCanonicalForm => _parsingCanonicalForm.Value;

    /// <summary>The CRC-64-AVRO Rabin fingerprint of <see cref="ParsingCanonicalForm"/> (specification, "Schema Fingerprints").</summary>
    public long Fingerprint => RabinFingerprint.Compute(ParsingCanonicalForm);

    /// <summary>The full names of the referenced schemas' root types, which the canonical text writes by name.</summary>
    private IEnumerable<string> ReferencedNames => _referencedRoots.OfType<AvroNamedType>().Select(t => t.FullName);

    /// <inheritdoc/>
    public override ParsedSchema Normalize() =>
        AvroFormat.ParseAvro(ConfluentNormalizer.Write(Root, ReferencedNames), _references, _limits);

    /// <inheritdoc/>
    public override IReadOnlyList<CompatibilityIssue> CheckBackwardCompatibility(ParsedSchema previous) =>
        CheckCanRead(previous, NewRole, OldRole);

    /// <summary>
    /// Whether this schema, as the reader, can read data written with <paramref name="writer"/>; each issue's message
    /// names the two schemas by the given roles (Confluent says "new"/"old" for a backward check and "old"/"new" when the
    /// old schema is the reader in a forward check).
    /// </summary>
    public IReadOnlyList<CompatibilityIssue> CheckCanRead(ParsedSchema writer, string readerRole, string writerRole)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (writer is not AvroSchema avroWriter)
        {
            return [new CompatibilityIssue(AvroIncompatibilityKinds.TypeMismatch, "/", "Incompatible because of different schema type")];
        }

        return [.. ReaderWriterCompatibility.Check(Root, avroWriter.Root)
            .Select(i => new CompatibilityIssue(i.Kind, i.Location, i.ConfluentMessage(readerRole, writerRole)))];
    }

    /// <inheritdoc/>
    public override IReadOnlyList<SchemaChange> DiffFrom(ParsedSchema previous)
    {
        ArgumentNullException.ThrowIfNull(previous);
        return previous is AvroSchema avroPrevious
            ? AvroSchemaDiff.Compare(avroPrevious.Root, Root)
            : [new SchemaChange("SCHEMA_TYPE_CHANGED", "/", $"The schema type changed from {previous.SchemaType} to AVRO", true, true)];
    }

    /// <summary><c>resolved</c>: the schema with the named types of its references written inline (Confluent's <c>format=resolved</c>).</summary>
    public override string? FormatAs(string format) =>
        string.Equals(format, "resolved", StringComparison.OrdinalIgnoreCase) ? JavaSchemaWriter.Write(Root, []) : null;

    public override string ToString() => CanonicalText;
}
