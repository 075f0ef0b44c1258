using System.Globalization;
using System.Numerics;
using System.Text;
using System.Text.Json;

namespace Governance.Schemas.Avro.Json;

/// <summary>
/// Writes JSON the way Java Avro's Jackson generator does, so that texts match Confluent's byte for byte: compact, non-ASCII
/// characters unescaped, control characters as <c>\b \t \n \f \r</c> or <c>\u00XX</c>, integers as written, and other
/// numbers as Java's <c>Double.toString</c> renders them (<c>1.0</c>, <c>1.0E10</c>).
/// </summary>
internal static class JacksonJson
{
    public static void WriteString(StringBuilder output, string value)
    {
        output.Append('"');
        foreach (var c in value)
        {
            switch (c)
            {
                case '"': output.Append("\\\""); break;
                case '\\': output.Append("\\\\"); break;
                case '\b': output.Append("\\b"); break;
                case '\t': output.Append("\\t"); break;
                case '\n': output.Append("\\n"); break;
                case '\f': output.Append("\\f"); break;
                case '\r': output.Append("\\r"); break;
                case < ' ': output.Append("\\u00").Append(((int)c).ToString("X2", CultureInfo.InvariantCulture)); break;
                default: output.Append(c); break;
            }
        }

        output.Append('"');
    }

    /// <summary>Writes a JSON array, each item by <paramref name="writeItem"/>.</summary>
    public static void WriteArray<T>(StringBuilder output, IEnumerable<T> items, Action<T> writeItem)
    {
        output.Append('[');
        var first = true;
        foreach (var item in items)
        {
            if (!first)
            {
                output.Append(',');
            }

            first = false;
            writeItem(item);
        }

        output.Append(']');
    }

    public static void WriteValue(StringBuilder output, JsonElement value)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.Object:
                output.Append('{');
                var firstProperty = true;
                foreach (var property in DistinctProperties(value))
                {
                    if (!firstProperty)
                    {
                        output.Append(',');
                    }

                    firstProperty = false;
                    WriteString(output, property.Name);
                    output.Append(':');
                    WriteValue(output, property.Value);
                }

                output.Append('}');
                break;
            case JsonValueKind.Array:
                WriteArray(output, value.EnumerateArray(), item => WriteValue(output, item));
                break;
            case JsonValueKind.String:
                WriteString(output, value.GetString()!);
                break;
            case JsonValueKind.Number:
                output.Append(FormatNumber(value));
                break;
            case JsonValueKind.True:
                output.Append("true");
                break;
            case JsonValueKind.False:
                output.Append("false");
                break;
            default:
                output.Append("null");
                break;
        }
    }

    public static string ToJson(JsonElement value)
    {
        var output = new StringBuilder();
        WriteValue(output, value);
        return output.ToString();
    }

    /// <summary>
    /// An object's members as Jackson's tree keeps them: a repeated name keeps its first position and its last value.
    /// </summary>
    public static IReadOnlyList<(string Name, JsonElement Value)> DistinctProperties(JsonElement value)
    {
        var result = new List<(string Name, JsonElement Value)>();
        foreach (var property in value.EnumerateObject())
        {
            var index = result.FindIndex(p => p.Name == property.Name);
            if (index >= 0)
            {
                result[index] = (property.Name, property.Value);
            }
            else
            {
                result.Add((property.Name, property.Value));
            }
        }

        return result;
    }

    /// <summary>Whether Jackson reads this number as an integer (no fraction, no exponent).</summary>
    public static bool IsIntegral(JsonElement number) => number.GetRawText().IndexOfAny(['.', 'e', 'E']) < 0;

    public static string FormatNumber(JsonElement number)
    {
        var raw = number.GetRawText();
        return IsIntegral(number)
            ? BigInteger.Parse(raw, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture)
            : FormatDouble(double.Parse(raw, CultureInfo.InvariantCulture));
    }

    /// <summary>Java's <c>Double.toString</c>: shortest digits, plain between 10^-3 and 10^7, else <c>d.dddE±n</c>.</summary>
    public static string FormatDouble(double value) =>
        FormatJava(value.ToString("R", CultureInfo.InvariantCulture), value);

    /// <summary>Java's <c>Float.toString</c>, for defaults of <c>float</c> fields that Confluent's normalization narrows.</summary>
    public static string FormatFloat(float value) =>
        FormatJava(value.ToString("R", CultureInfo.InvariantCulture), value);

    private static string FormatJava(string shortest, double value)
    {
        if (double.IsNaN(value) || double.IsInfinity(value))
        {
            return shortest switch
            {
                "NaN" => "\"NaN\"",
                _ => value > 0 ? "\"Infinity\"" : "\"-Infinity\"",
            };
        }

        var negative = shortest.StartsWith('-');
        var unsigned = negative ? shortest[1..] : shortest;
        var exponentAt = unsigned.IndexOfAny(['E', 'e']);
        var mantissa = exponentAt >= 0 ? unsigned[..exponentAt] : unsigned;
        var exponent = exponentAt >= 0 ? int.Parse(unsigned[(exponentAt + 1)..], CultureInfo.InvariantCulture) : 0;
        var point = mantissa.IndexOf('.', StringComparison.Ordinal);
        var digits = point >= 0 ? mantissa.Remove(point, 1) : mantissa;
        var pointPosition = (point >= 0 ? point : mantissa.Length) + exponent;
        var leadingZeros = digits.Length - digits.TrimStart('0').Length;
        digits = digits.Trim('0');
        pointPosition -= leadingZeros;
        if (digits.Length == 0)
        {
            return negative ? "-0.0" : "0.0";
        }

        // The value is 0.digits × 10^pointPosition.
        var magnitude = Math.Abs(value);
        string text;
        if (magnitude >= 1e-3 && magnitude < 1e7)
        {
            if (pointPosition <= 0)
            {
                text = "0." + new string('0', -pointPosition) + digits;
            }
            else if (pointPosition >= digits.Length)
            {
                text = digits + new string('0', pointPosition - digits.Length) + ".0";
            }
            else
            {
                text = digits[..pointPosition] + "." + digits[pointPosition..];
            }
        }
        else
        {
            var fraction = digits.Length > 1 ? digits[1..] : "0";
            text = digits[0] + "." + fraction + "E" + (pointPosition - 1).ToString(CultureInfo.InvariantCulture);
        }

        return negative ? "-" + text : text;
    }
}
