using Governance.Registry;

namespace Governance.Storage.Tests.Support;

/// <summary>Schemas to submit in tests.</summary>
public static class Submissions
{
    /// <summary>A <see cref="FieldsFormat"/> schema from <c>name:type</c> pairs, e.g. <c>Fields("id:int", "note:string?")</c>.</summary>
    public static SchemaSubmission Fields(params string[] fields) =>
        new(FieldsText(fields), FieldsFormat.Type);

    public static string FieldsText(params string[] fields) =>
        "{\"fields\": {" + string.Join(", ", fields.Select(f => f.Split(':', 2)).Select(f => $"\"{f[0]}\": \"{f[1]}\"")) + "}}";

    /// <summary>An Avro record named <paramref name="name"/> with the given fields (JSON field objects).</summary>
    public static SchemaSubmission AvroRecord(string name, params string[] fields) =>
        new($"{{\"type\":\"record\",\"name\":\"{name}\",\"fields\":[{string.Join(",", fields)}]}}");
}
