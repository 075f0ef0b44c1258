using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Governance.Schemas.Text;

/// <summary>
/// What every schema format shares when it writes JSON the way Confluent's Jackson mapper does: compact, a string escaping
/// only the quote, the backslash and control characters (non-ASCII text unescaped), an object as Jackson's tree keeps it
/// (a repeated key keeps its first position and its last value) and an integer as written. How a number with a fraction
/// or an exponent prints differs by format (Avro: Java's <c>Double.toString</c>; JSON Schema: <c>BigDecimal.toString</c>),
/// so the caller supplies it.
/// </summary>
public static class JacksonJsonWriter
{
    /// <summary>Writes <paramref name="value"/> as a JSON string: short escapes where JSON has them, else <c>\u00XX</c>.</summary>
    public static void WriteString(StringBuilder output, string value)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(value);
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
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(writeItem);
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

    /// <summary>
    /// Writes <paramref name="value"/> compactly; a number with a fraction or an exponent is printed by
    /// <paramref name="fractionalNumberText"/> from its literal; with <paramref name="sortKeys"/> object keys are sorted by
    /// UTF-16 code unit (Confluent's <c>normalize</c>).
    /// </summary>
    public static void WriteValue(StringBuilder output, JsonElement value, Func<string, string> fractionalNumberText, bool sortKeys = false)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(fractionalNumberText);
        switch (value.ValueKind)
        {
            case JsonValueKind.Object:
                WriteObject(output, value, fractionalNumberText, sortKeys);
                break;
            case JsonValueKind.Array:
                WriteArray(output, value.EnumerateArray(), item => WriteValue(output, item, fractionalNumberText, sortKeys));
                break;
            case JsonValueKind.String:
                WriteString(output, value.GetString()!);
                break;
            case JsonValueKind.Number:
                var literal = value.GetRawText();
                output.Append(!IsIntegral(value) ? fractionalNumberText(literal) : literal == "-0" ? "0" : literal);
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

    /// <summary>Whether Jackson reads this number as an integer (no fraction, no exponent).</summary>
    public static bool IsIntegral(JsonElement number) => number.GetRawText().IndexOfAny(['.', 'e', 'E']) < 0;

    /// <summary>
    /// An object's members as Jackson's tree (a map) keeps them: a repeated name keeps its first position and its last value.
    /// </summary>
    public static IReadOnlyList<(string Name, JsonElement Value)> DistinctProperties(JsonElement value)
    {
        var result = new List<(string Name, JsonElement Value)>();
        var indexByName = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var property in value.EnumerateObject())
        {
            if (indexByName.TryGetValue(property.Name, out var index))
            {
                result[index] = (property.Name, property.Value);
            }
            else
            {
                indexByName.Add(property.Name, result.Count);
                result.Add((property.Name, property.Value));
            }
        }

        return result;
    }

    private static void WriteObject(StringBuilder output, JsonElement value, Func<string, string> fractionalNumberText, bool sortKeys)
    {
        IEnumerable<(string Name, JsonElement Value)> members;
        if (!sortKeys && !HasRepeatedName(value))
        {
            // The common case: members as they are, nothing to collect.
            members = value.EnumerateObject().Select(p => (p.Name, p.Value));
        }
        else
        {
            var distinct = DistinctProperties(value).ToList();
            if (sortKeys)
            {
                distinct.Sort((a, b) => string.CompareOrdinal(a.Name, b.Name));
            }

            members = distinct;
        }

        output.Append('{');
        var first = true;
        foreach (var (name, member) in members)
        {
            if (!first)
            {
                output.Append(',');
            }

            first = false;
            WriteString(output, name);
            output.Append(':');
            WriteValue(output, member, fractionalNumberText, sortKeys);
        }

        output.Append('}');
    }

    /// <summary>Whether a name occurs twice: pairwise for small objects (no allocation), through a set for large ones.</summary>
    private static bool HasRepeatedName(JsonElement value)
    {
        const int PairwiseLimit = 16;
        var properties = value.EnumerateObject();
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
}
