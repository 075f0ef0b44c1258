namespace Governance.Schemas.Avro.Model;

/// <summary>The Avro schema types (Avro 1.12 specification, "Schema Declaration"), in Java Avro's <c>Schema.Type</c> order.</summary>
public enum AvroTypeKind
{
    Record,
    Enum,
    Array,
    Map,
    Union,
    Fixed,
    String,
    Bytes,
    Int,
    Long,
    Float,
    Double,
    Boolean,
    Null,
}

/// <summary>Names of the kinds as they appear in schema text and in Java Avro's messages.</summary>
public static class AvroTypeKindNames
{
    /// <summary>The lower-case name used in schema text: <c>record</c>, <c>int</c>...</summary>
    public static string SchemaName(this AvroTypeKind kind) => kind.ToString().ToLowerInvariant();

    /// <summary>The upper-case name Java's <c>Schema.Type</c> prints in compatibility messages: <c>RECORD</c>, <c>INT</c>...</summary>
    public static string JavaName(this AvroTypeKind kind) => kind.ToString().ToUpperInvariant();

    /// <summary>Primitive type names, which are never looked up as named types.</summary>
    public static bool TryParsePrimitive(string name, out AvroTypeKind kind)
    {
        kind = name switch
        {
            "null" => AvroTypeKind.Null,
            "boolean" => AvroTypeKind.Boolean,
            "int" => AvroTypeKind.Int,
            "long" => AvroTypeKind.Long,
            "float" => AvroTypeKind.Float,
            "double" => AvroTypeKind.Double,
            "bytes" => AvroTypeKind.Bytes,
            "string" => AvroTypeKind.String,
            _ => AvroTypeKind.Record,
        };
        return kind != AvroTypeKind.Record;
    }

    /// <summary>Whether a simple name collides with a type name, so Java writes it fully qualified.</summary>
    public static bool IsTypeName(string name) =>
        Enum.GetValues<AvroTypeKind>().Any(k => k.SchemaName() == name);
}
