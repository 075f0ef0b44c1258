using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Governance.Schemas.Json.Text;

/// <summary>
/// Writes JSON the way Confluent Schema Registry's Jackson mapper re-serializes a schema (its <c>canonicalString()</c>):
/// compact, object keys in their original order (or sorted by UTF-16 code unit, for <c>normalize</c>), a repeated key keeping
/// its first position and its last value, decimals as Java's <c>BigDecimal.toString()</c>, non-ASCII text unescaped.
/// </summary>
internal static class JacksonJson
{
    public static string Write(JsonElement element, bool sortKeys = false)
    {
        var text = new StringBuilder();
        Write(element, sortKeys, text);
        return text.ToString();
    }

    private static void Write(JsonElement element, bool sortKeys, StringBuilder text)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                WriteObject(element, sortKeys, text);
                break;
            case JsonValueKind.Array:
                text.Append('[');
                var first = true;
                foreach (var item in element.EnumerateArray())
                {
                    if (!first)
                    {
                        text.Append(',');
                    }

                    first = false;
                    Write(item, sortKeys, text);
                }

                text.Append(']');
                break;
            case JsonValueKind.String:
                WriteString(element.GetString()!, text);
                break;
            case JsonValueKind.Number:
                text.Append(NumberText(element.GetRawText()));
                break;
            case JsonValueKind.True:
                text.Append("true");
                break;
            case JsonValueKind.False:
                text.Append("false");
                break;
            default:
                text.Append("null");
                break;
        }
    }

    private static void WriteObject(JsonElement element, bool sortKeys, StringBuilder text)
    {
        if (!sortKeys && !HasRepeatedName(element))
        {
            // The common case: members as they are, nothing to collect.
            text.Append('{');
            var first = true;
            foreach (var property in element.EnumerateObject())
            {
                if (!first)
                {
                    text.Append(',');
                }

                first = false;
                WriteMember(property.Name, property.Value, sortKeys, text);
            }

            text.Append('}');
            return;
        }

        // Jackson's ObjectNode is a map: a repeated key replaces the value but keeps the first key's place.
        var members = new List<string>();
        var values = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (var property in element.EnumerateObject())
        {
            if (!values.ContainsKey(property.Name))
            {
                members.Add(property.Name);
            }

            values[property.Name] = property.Value;
        }

        if (sortKeys)
        {
            members.Sort(StringComparer.Ordinal);
        }

        text.Append('{');
        for (var i = 0; i < members.Count; i++)
        {
            if (i > 0)
            {
                text.Append(',');
            }

            WriteMember(members[i], values[members[i]], sortKeys, text);
        }

        text.Append('}');
    }

    private static void WriteMember(string name, JsonElement value, bool sortKeys, StringBuilder text)
    {
        WriteString(name, text);
        text.Append(':');
        Write(value, sortKeys, text);
    }

    /// <summary>Whether a name occurs twice: pairwise for small objects (no allocation), through a set for large ones.</summary>
    private static bool HasRepeatedName(JsonElement element)
    {
        const int PairwiseLimit = 16;
        var properties = element.EnumerateObject();
        if (properties.Count() > PairwiseLimit)
        {
            var names = new HashSet<string>(StringComparer.Ordinal);
            return properties.Any(p => !names.Add(p.Name));
        }

        var count = 0;
        foreach (var property in properties)
        {
            if (properties.Take(count++).Any(earlier => earlier.NameEquals(property.Name)))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Jackson escapes only the quote, the backslash and control characters (short forms where JSON has them).</summary>
    private static void WriteString(string value, StringBuilder text)
    {
        text.Append('"');
        foreach (var c in value)
        {
            switch (c)
            {
                case '"':
                    text.Append("\\\"");
                    break;
                case '\\':
                    text.Append("\\\\");
                    break;
                case '\b':
                    text.Append("\\b");
                    break;
                case '\f':
                    text.Append("\\f");
                    break;
                case '\n':
                    text.Append("\\n");
                    break;
                case '\r':
                    text.Append("\\r");
                    break;
                case '\t':
                    text.Append("\\t");
                    break;
                default:
                    if (c < 0x20)
                    {
                        text.Append("\\u00").Append(((int)c).ToString("X2", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        text.Append(c);
                    }

                    break;
            }
        }

        text.Append('"');
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
