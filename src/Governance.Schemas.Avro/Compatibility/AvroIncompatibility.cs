namespace Governance.Schemas.Avro.Compatibility;

/// <summary>The kinds of incompatibility Java Avro's <c>SchemaCompatibility</c> reports, by their Java names.</summary>
public static class AvroIncompatibilityKinds
{
    public const string NameMismatch = "NAME_MISMATCH";
    public const string FixedSizeMismatch = "FIXED_SIZE_MISMATCH";
    public const string MissingEnumSymbols = "MISSING_ENUM_SYMBOLS";
    public const string ReaderFieldMissingDefaultValue = "READER_FIELD_MISSING_DEFAULT_VALUE";
    public const string TypeMismatch = "TYPE_MISMATCH";
    public const string MissingUnionBranch = "MISSING_UNION_BRANCH";
}

/// <summary>
/// One reason a reader schema cannot read a writer's data: its kind, where it is in the reader schema (a JSON pointer),
/// and Java's detail text (e.g. <c>reader type: INT not compatible with writer type: STRING</c>, or a field name).
/// </summary>
public sealed record AvroIncompatibility(string Kind, string Location, string Detail)
{
    /// <summary>
    /// The line Confluent Schema Registry prints for it (<c>Difference.error()</c> in confluentinc/schema-registry, with
    /// its <c>%s</c> placeholders filled by the roles of the reader and writer: "new"/"old" when checking backward,
    /// "old"/"new" when checking forward).
    /// </summary>
    public string ConfluentMessage(string readerRole, string writerRole)
    {
        var description = Kind switch
        {
            AvroIncompatibilityKinds.FixedSizeMismatch =>
                $"The size of FIXED type field at path '{Location}' in the {readerRole} schema does not match with the {writerRole} schema",
            AvroIncompatibilityKinds.TypeMismatch =>
                $"The type (path '{Location}') of a field in the {readerRole} schema does not match with the {writerRole} schema",
            AvroIncompatibilityKinds.NameMismatch =>
                $"The name of the schema has changed (path '{Location}')",
            AvroIncompatibilityKinds.MissingEnumSymbols =>
                $"The {readerRole} schema is missing enum symbols '{Detail}' at path '{Location}' in the {writerRole} schema",
            AvroIncompatibilityKinds.MissingUnionBranch =>
                $"The {readerRole} schema is missing a type inside a union field at path '{Location}' in the {writerRole} schema",
            AvroIncompatibilityKinds.ReaderFieldMissingDefaultValue =>
                $"The field '{Detail}' at path '{Location}' in the {readerRole} schema has no default value and is missing in the {writerRole} schema",
            _ => "",
        };
        return $"{{errorType:'{Kind}', description:'{description}', additionalInfo:'{Detail}'}}";
    }
}
