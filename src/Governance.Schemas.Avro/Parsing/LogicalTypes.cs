using System.Text.Json;
using Governance.Schemas.Avro.Model;
using Governance.Schemas.Text;

namespace Governance.Schemas.Avro.Parsing;

/// <summary>
/// Recognises the <c>logicalType</c> attribute (Avro 1.12 specification, "Logical Types"). As the specification requires
/// and Java Avro does, an invalid logical type (unknown name, wrong underlying type, bad decimal precision or scale) is
/// ignored: the schema keeps its underlying type and the attribute stays a plain property.
/// </summary>
internal static class LogicalTypes
{
    public static AvroLogicalType? Recognise(AvroTypeKind kind, int fixedSize, IReadOnlyList<AvroProperty> properties)
    {
        var name = Find(properties, "logicalType") is { ValueKind: JsonValueKind.String } text ? text.GetString() : null;
        return name switch
        {
            AvroLogicalType.Decimal => Decimal(kind, fixedSize, properties),
            "big-decimal" => Valid(name, kind == AvroTypeKind.Bytes),
            "uuid" => Valid(name, kind == AvroTypeKind.String || (kind == AvroTypeKind.Fixed && fixedSize == 16)),
            "duration" => Valid(name, kind == AvroTypeKind.Fixed && fixedSize == 12),
            "date" or "time-millis" => Valid(name, kind == AvroTypeKind.Int),
            "time-micros" or "timestamp-millis" or "timestamp-micros" or "timestamp-nanos"
                or "local-timestamp-millis" or "local-timestamp-micros" or "local-timestamp-nanos" => Valid(name, kind == AvroTypeKind.Long),
            _ => null,
        };
    }

    private static AvroLogicalType? Valid(string name, bool fits) => fits ? new AvroLogicalType(name) : null;

    /// <summary>
    /// Decimal: backed by bytes or fixed; precision a positive int no greater than a fixed of that size can hold
    /// (floor(log10(2^(8·size−1)))); scale an int from 0 to the precision, 0 when absent.
    /// </summary>
    private static AvroLogicalType? Decimal(AvroTypeKind kind, int fixedSize, IReadOnlyList<AvroProperty> properties)
    {
        if (kind is not (AvroTypeKind.Bytes or AvroTypeKind.Fixed)
            || Find(properties, "precision") is not { } precisionValue
            || !TryGetInt(precisionValue, out var precision))
        {
            return null;
        }

        var scale = 0;
        if (Find(properties, "scale") is { } scaleValue && !TryGetInt(scaleValue, out scale))
        {
            return null;
        }

        var maxPrecision = kind == AvroTypeKind.Bytes ? int.MaxValue : (long)Math.Round(Math.Floor(Math.Log10(2) * ((8 * (long)fixedSize) - 1)));
        return precision > 0 && precision <= maxPrecision && scale >= 0 && scale <= precision
            ? new AvroLogicalType(AvroLogicalType.Decimal, precision, scale)
            : null;
    }

    private static bool TryGetInt(JsonElement value, out int result)
    {
        result = 0;
        return value.ValueKind == JsonValueKind.Number && JacksonJsonWriter.IsIntegral(value) && value.TryGetInt32(out result);
    }

    private static JsonElement? Find(IReadOnlyList<AvroProperty> properties, string name) =>
        properties.FirstOrDefault(p => p.Name == name)?.Value;
}
