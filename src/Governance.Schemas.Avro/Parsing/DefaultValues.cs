using System.Globalization;
using System.Text.Json;
using Governance.Schemas.Avro.Model;
using Governance.Schemas.Text;

namespace Governance.Schemas.Avro.Parsing;

/// <summary>
/// Whether a JSON value is a valid default for a type (Avro 1.12 specification, "Schema Record", the table of default
/// values), as Java Avro 1.12's <c>Schema.isValidDefault</c> decides it. Since Avro 1.12 (AVRO-3649) a union's default may
/// match any of its branches, not only the first.
/// </summary>
internal static class DefaultValues
{
    public static bool IsValid(AvroType type, JsonElement value) => type switch
    {
        AvroRecordType record => value.ValueKind == JsonValueKind.Object && record.HasFields && record.Fields.All(field =>
            (value.TryGetProperty(field.Name, out var fieldValue) ? fieldValue : field.Default) is { } given
            && IsValidValue(field.Type, given)),
        AvroEnumType or AvroFixedType => value.ValueKind == JsonValueKind.String,
        AvroArrayType array => value.ValueKind == JsonValueKind.Array && value.EnumerateArray().All(item => IsValid(array.Items, item)),
        AvroMapType map => value.ValueKind == JsonValueKind.Object && value.EnumerateObject().All(entry => IsValid(map.Values, entry.Value)),
        AvroUnionType union => union.Branches.Any(branch => IsValidValue(branch, value)),
        _ => type.Kind switch
        {
            AvroTypeKind.String or AvroTypeKind.Bytes => value.ValueKind == JsonValueKind.String,
            AvroTypeKind.Int => IsIntegral(value, out var integer) && integer >= int.MinValue && integer <= int.MaxValue,
            AvroTypeKind.Long => IsIntegral(value, out var integer) && integer >= long.MinValue && integer <= long.MaxValue,
            AvroTypeKind.Float or AvroTypeKind.Double => value.ValueKind == JsonValueKind.Number,
            AvroTypeKind.Boolean => value.ValueKind is JsonValueKind.True or JsonValueKind.False,
            AvroTypeKind.Null => value.ValueKind == JsonValueKind.Null,
            _ => false,
        },
    };

    private static bool IsValidValue(AvroType type, JsonElement value) =>
        type is AvroUnionType union ? union.Branches.Any(branch => IsValid(branch, value)) : IsValid(type, value);

    private static bool IsIntegral(JsonElement value, out System.Numerics.BigInteger integer)
    {
        integer = default;
        return value.ValueKind == JsonValueKind.Number
            && JacksonJsonWriter.IsIntegral(value)
            && System.Numerics.BigInteger.TryParse(value.GetRawText(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out integer);
    }
}
