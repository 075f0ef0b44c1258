using System.Globalization;
using System.Text;
using System.Text.Json;
using Governance.Schemas.Text;

namespace Governance.Schemas.Json.Text;

/// <summary>
/// Writes JSON the way Confluent Schema Registry's Jackson mapper re-serializes a schema (its <c>canonicalString()</c>):
/// <see cref="JacksonJsonWriter"/> with object keys in their original order (or sorted by UTF-16 code unit, for
/// <c>normalize</c>) and decimals as Java's <c>BigDecimal.toString()</c>.
/// </summary>
internal static class JacksonJson
{
    public static string Write(JsonElement element, bool sortKeys = false)
    {
        var text = new StringBuilder();
        JacksonJsonWriter.WriteValue(text, element, NumberText, sortKeys);
        return text.ToString();
    }

    /// <summary>
    /// An integer literal stays as written (<c>-0</c> becomes <c>0</c>); a literal with a fraction or exponent is read as Java's
    /// <c>BigDecimal</c> (Confluent enables <c>USE_BIG_DECIMAL_FOR_FLOATS</c> with exact decimals) and printed by its
    /// <c>toString()</c>: plain when the scale is not negative and the adjusted exponent is at least -6, else scientific
    /// (<c>1e3</c> prints as <c>1E+3</c>, <c>1.50</c> stays <c>1.50</c>).
    /// </summary>
    internal static string NumberText(string literal)
    {
        var exponentAt = literal.IndexOfAny(['e', 'E']);
        var pointAt = literal.IndexOf('.', StringComparison.Ordinal);
        if (exponentAt < 0 && pointAt < 0)
        {
            return literal == "-0" ? "0" : literal;
        }

        var negative = literal.StartsWith('-');
        var mantissa = exponentAt < 0 ? literal[(negative ? 1 : 0)..] : literal[(negative ? 1 : 0)..exponentAt];
        var exponent = exponentAt < 0 ? 0 : int.Parse(literal[(exponentAt + 1)..], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
        var mantissaPoint = mantissa.IndexOf('.', StringComparison.Ordinal);
        var fraction = mantissaPoint < 0 ? string.Empty : mantissa[(mantissaPoint + 1)..];
        var digits = (mantissaPoint < 0 ? mantissa : mantissa[..mantissaPoint] + fraction).TrimStart('0');
        if (digits.Length == 0)
        {
            digits = "0";
            negative = false;
        }

        var scale = fraction.Length - exponent;
        var adjusted = -scale + (digits.Length - 1);
        var result = new StringBuilder();
        if (negative)
        {
            result.Append('-');
        }

        if (scale >= 0 && adjusted >= -6)
        {
            if (scale == 0)
            {
                result.Append(digits);
            }
            else if (digits.Length > scale)
            {
                result.Append(digits, 0, digits.Length - scale).Append('.').Append(digits, digits.Length - scale, scale);
            }
            else
            {
                result.Append("0.").Append('0', scale - digits.Length).Append(digits);
            }
        }
        else
        {
            result.Append(digits[0]);
            if (digits.Length > 1)
            {
                result.Append('.').Append(digits, 1, digits.Length - 1);
            }

            if (adjusted != 0)
            {
                result.Append('E');
                if (adjusted > 0)
                {
                    result.Append('+');
                }

                result.Append(adjusted.ToString(CultureInfo.InvariantCulture));
            }
        }

        return result.ToString();
    }
}
