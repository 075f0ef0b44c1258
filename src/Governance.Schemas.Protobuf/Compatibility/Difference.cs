namespace Governance.Schemas.Protobuf.Compatibility;

/// <summary>
/// One difference Confluent's Protobuf checker reports (protobuf-provider diff/Difference.Type), at a path such as
/// <c>#/Message/3</c> or <c>#/Message/oneofName/3</c>.
/// </summary>
internal sealed record Difference(string Kind, string Path)
{
    /// <summary>The kinds Confluent treats as compatible (SchemaDiff.COMPATIBLE_CHANGES); every other kind breaks.</summary>
    public static readonly IReadOnlySet<string> CompatibleKinds = new HashSet<string>(StringComparer.Ordinal)
    {
        "MESSAGE_ADDED", "MESSAGE_MOVED", "ENUM_ADDED", "ENUM_REMOVED", "ENUM_CONST_ADDED", "ENUM_CONST_CHANGED",
        "ENUM_CONST_REMOVED", "FIELD_ADDED", "FIELD_REMOVED", "FIELD_NAME_CHANGED", "FIELD_STRING_OR_BYTES_LABEL_CHANGED",
        "ONEOF_ADDED", "ONEOF_REMOVED", "ONEOF_FIELD_ADDED",
    };

    public bool IsCompatible => CompatibleKinds.Contains(Kind);

    /// <summary>
    /// The sentence Confluent puts in its verbose answer (Difference.error()), with the reader schema first and the
    /// writer schema second: "new" and "old" for a backward check.
    /// </summary>
    public string Describe(string reader, string writer) => Kind switch
    {
        "PACKAGE_CHANGED" => $"The package at '{Path}' in the {reader} schema does not match the package in the {writer} schema",
        "MESSAGE_REMOVED" => $"The {reader} schema is missing a MESSAGE type at path '{Path}' in the {writer} schema",
        "FIELD_KIND_CHANGED" => $"The type of a field at path '{Path}' in the {reader} schema does not match the {writer} schema",
        "FIELD_SCALAR_KIND_CHANGED" => $"The kind of a SCALAR field at path '{Path}' in the {reader} schema does not match its kind in the {writer} schema",
        "FIELD_NAMED_TYPE_CHANGED" => $"The type of a MESSAGE field at path '{Path}' in the {reader} schema does not match its type in the {writer} schema",
        "FIELD_NUMERIC_LABEL_CHANGED" => $"The label for a NUMERIC field at path '{Path}' in the {reader} schema does not match its label in the {writer} schema",
        "REQUIRED_FIELD_ADDED" => $"A required field  at path '{Path}' in the {reader} schema is missing in the {writer} schema",
        "REQUIRED_FIELD_REMOVED" => $"The {reader} schema is missing a required field at path: '{Path}' in the {writer} schema",
        "ONEOF_FIELD_REMOVED" => $"The {reader} schema is missing a oneof field at path '{Path}' in the {writer} schema",
        "MULTIPLE_FIELDS_MOVED_TO_ONEOF" => $"Multiple fields in the oneof at path '{Path}' in the {reader} schema are outside a oneof in the {writer} schema",
        "FIELD_MOVED_TO_EXISTING_ONEOF" => $"A field in the oneof at path '{Path}' in the {reader} schema is outside an existing oneof in the {writer} schema",
        _ => "",
    };

    /// <summary>Confluent's verbose line: <c>{errorType:"KIND", description:"..."}</c> (Difference.toString()).</summary>
    public string VerboseMessage(string reader, string writer) => $"{{errorType:\"{Kind}\", description:\"{Describe(reader, writer)}\"}}";

    /// <summary>A sentence for the semantic diff, old schema to new.</summary>
    public string Explain() => Kind switch
    {
        "MESSAGE_ADDED" => $"Message '{Path}' was added",
        "MESSAGE_MOVED" => $"Message '{Path}' changed its position among its siblings",
        "ENUM_ADDED" => $"Enum '{Path}' was added",
        "ENUM_REMOVED" => $"Enum '{Path}' was removed",
        "ENUM_CONST_ADDED" => $"Enum value '{Path}' was added",
        "ENUM_CONST_CHANGED" => $"Enum value '{Path}' was renamed",
        "ENUM_CONST_REMOVED" => $"Enum value '{Path}' was removed",
        "FIELD_ADDED" => $"Field '{Path}' was added",
        "FIELD_REMOVED" => $"Field '{Path}' was removed",
        "FIELD_NAME_CHANGED" => $"Field '{Path}' was renamed",
        "FIELD_STRING_OR_BYTES_LABEL_CHANGED" => $"The label of string or bytes field '{Path}' changed",
        "ONEOF_ADDED" => $"Oneof '{Path}' was added",
        "ONEOF_REMOVED" => $"Oneof '{Path}' was removed",
        "ONEOF_FIELD_ADDED" => $"Field '{Path}' was added to its oneof",
        _ => Describe("new", "old"),
    };
}
