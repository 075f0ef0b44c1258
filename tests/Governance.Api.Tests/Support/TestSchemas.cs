namespace Governance.Api.Tests.Support;

/// <summary>Avro schemas the tests register: a record that evolves compatibly and incompatibly.</summary>
public static class TestSchemas
{
    /// <summary>A record named <paramref name="name"/> with an int field <c>id</c>.</summary>
    public static string Record(string name = "Order") =>
        $$"""{"type":"record","name":"{{name}}","namespace":"com.example","fields":[{"name":"id","type":"int"}]}""";

    /// <summary><see cref="Record"/> plus an optional string field with a default: backward compatible with it.</summary>
    public static string RecordWithOptionalField(string name = "Order") =>
        $$"""{"type":"record","name":"{{name}}","namespace":"com.example","fields":[{"name":"id","type":"int"},{"name":"note","type":"string","default":""}]}""";

    /// <summary><see cref="Record"/> plus a required field without default: a reader that cannot read old data.</summary>
    public static string RecordWithRequiredField(string name = "Order") =>
        $$"""{"type":"record","name":"{{name}}","namespace":"com.example","fields":[{"name":"id","type":"int"},{"name":"customer","type":"string"}]}""";

    /// <summary>A unique subject name for one test.</summary>
    public static string Subject(string prefix = "subject") => $"{prefix}-{Guid.NewGuid():N}";
}
