using System.Text.Json;

namespace Governance.Schemas.Avro.Model;

/// <summary>The sort order of a record field (Avro 1.12 specification, "Sort Order").</summary>
public enum AvroFieldOrder
{
    Ascending,
    Descending,
    Ignore,
}

/// <summary>A field of a record.</summary>
public sealed record AvroField(
    string Name,
    int Position,
    AvroType Type,
    string? Doc,
    JsonElement? Default,
    AvroFieldOrder Order,
    IReadOnlyList<string> Aliases,
    IReadOnlyList<AvroProperty> Properties)
{
    public bool HasDefault => Default is not null;
}
