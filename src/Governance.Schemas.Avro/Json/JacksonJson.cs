using System.Globalization;
using System.Text;
using System.Text.Json;
using Governance.Schemas.Text;

namespace Governance.Schemas.Avro.Json;

/// <summary>
/// Avro's part of writing JSON the way Java Avro's Jackson generator does (the rest is <see cref="JacksonJsonWriter"/>), so
/// that texts match Confluent's byte for byte: numbers with a fraction or an exponent as Java's <c>Double.toString</c>
/// renders them (<c>1.0</c>, <c>1.0E10</c>).
/// </summary>
internal static class JacksonJson
{
    /// <summary>Writes <paramref name="value"/> compactly, its non-integral numbers as Java's <c>Double.toString</c>.</summary>
    public static void WriteValue(StringBuilder output, JsonElement value) =>
        JacksonJsonWriter.WriteValue(output, value, DoubleText);

    public static string ToJson(JsonElement value)
    {
        var output = new StringBuilder();
        WriteValue(output, value);
        return output.ToString();
    }

    /// <summary>Java's <c>Double.toString</c>: shortest digits, plain between 10^-3 and 10^7, else <c>d.dddE±n</c>.</summary>
    public static string FormatDouble(double value) =>
        FormatJava(value.ToString("R", CultureInfo.InvariantCulture), value);

    /// <summary>Java's <c>Float.toString</c>, for defaults of <c>float</c> fields that Confluent's normalization narrows.</summary>
    public static string FormatFloat(float value) =>
        FormatJava(value.ToString("R", CultureInfo.InvariantCulture), value);

    private static string DoubleText(string literal) => FormatDouble(double.Parse(literal, CultureInfo.InvariantCulture));

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
