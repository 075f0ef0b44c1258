using System.Globalization;
using System.Text;
using Google.Protobuf.Reflection;
using static Google.Protobuf.Reflection.FieldDescriptorProto.Types;
using Type = Google.Protobuf.Reflection.FieldDescriptorProto.Types.Type;

namespace Governance.Schemas.Protobuf.Descriptors;

/// <summary>
/// How protoc spells derived values in a descriptor: scalar type keywords, json_name, map entry names, default values.
/// </summary>
internal static class ProtocConventions
{
    public static readonly IReadOnlyDictionary<string, Type> ScalarTypes = new Dictionary<string, Type>(StringComparer.Ordinal)
    {
        ["double"] = Type.Double,
        ["float"] = Type.Float,
        ["int64"] = Type.Int64,
        ["uint64"] = Type.Uint64,
        ["int32"] = Type.Int32,
        ["fixed64"] = Type.Fixed64,
        ["fixed32"] = Type.Fixed32,
        ["bool"] = Type.Bool,
        ["string"] = Type.String,
        ["bytes"] = Type.Bytes,
        ["uint32"] = Type.Uint32,
        ["sfixed32"] = Type.Sfixed32,
        ["sfixed64"] = Type.Sfixed64,
        ["sint32"] = Type.Sint32,
        ["sint64"] = Type.Sint64,
    };

    public static string ScalarName(Type type) => ScalarTypes.First(pair => pair.Value == type).Key;

    /// <summary>protoc's ToJsonName: drop underscores and upper-case the letter after each.</summary>
    public static string JsonName(string fieldName) => CamelCase(fieldName, capitalizeFirst: false);

    /// <summary>The nested message protoc makes for a map field: <c>foo_bar</c> gives <c>FooBarEntry</c>.</summary>
    public static string MapEntryName(string fieldName) => CamelCase(fieldName, capitalizeFirst: true) + "Entry";

    private static string CamelCase(string name, bool capitalizeFirst)
    {
        var result = new StringBuilder(name.Length);
        var capitalizeNext = capitalizeFirst;
        foreach (var c in name)
        {
            if (c == '_')
            {
                capitalizeNext = true;
            }
            else
            {
                result.Append(capitalizeNext ? char.ToUpperInvariant(c) : c);
                capitalizeNext = false;
            }
        }

        return result.ToString();
    }

    /// <summary>C's <c>printf("%.15g")</c>, widened to 17 digits when 15 do not round-trip (protoc's SimpleDtoa).</summary>
    public static string SimpleDtoa(double value)
    {
        if (double.IsPositiveInfinity(value))
        {
            return "inf";
        }

        if (double.IsNegativeInfinity(value))
        {
            return "-inf";
        }

        if (double.IsNaN(value))
        {
            return "nan";
        }

        var text = FormatG(value, 15);
        return double.Parse(text, CultureInfo.InvariantCulture) == value ? text : FormatG(value, 17);
    }

    private static string FormatG(double value, int precision)
    {
        if (value == 0)
        {
            return double.IsNegative(value) ? "-0" : "0";
        }

        var scientific = value.ToString("E" + (precision - 1), CultureInfo.InvariantCulture);
        var exponent = int.Parse(scientific[(scientific.IndexOf('E') + 1)..], CultureInfo.InvariantCulture);
        if (exponent < -4 || exponent >= precision)
        {
            var mantissa = TrimZeros(scientific[..scientific.IndexOf('E')]);
            var sign = exponent < 0 ? "-" : "+";
            return $"{mantissa}e{sign}{Math.Abs(exponent):00}";
        }

        return TrimZeros(value.ToString("F" + Math.Max(0, precision - 1 - exponent), CultureInfo.InvariantCulture));
    }

    private static string TrimZeros(string number) =>
        number.Contains('.') ? number.TrimEnd('0').TrimEnd('.') : number;

    /// <summary>protoc's CEscape, used for bytes default values: printable ASCII as is, the rest as octal escapes.</summary>
    public static string CEscape(byte[] bytes)
    {
        var result = new StringBuilder();
        foreach (var b in bytes)
        {
            result.Append(b switch
            {
                (byte)'\n' => "\\n",
                (byte)'\r' => "\\r",
                (byte)'\t' => "\\t",
                (byte)'"' => "\\\"",
                (byte)'\'' => "\\'",
                (byte)'\\' => "\\\\",
                >= 0x20 and < 0x7f => ((char)b).ToString(),
                _ => "\\" + Convert.ToString(b, 8).PadLeft(3, '0'),
            });
        }

        return result.ToString();
    }

    /// <summary>Parses an integer literal (decimal, <c>0x</c> hex or leading-zero octal), with an optional leading minus.</summary>
    public static bool TryParseInteger(string text, out long value)
    {
        value = 0;
        var negative = text.StartsWith('-');
        var digits = negative ? text[1..] : text;
        try
        {
            ulong magnitude = digits.StartsWith("0x", StringComparison.OrdinalIgnoreCase)
                ? ulong.Parse(digits[2..], NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture)
                : digits.Length > 1 && digits[0] == '0'
                    ? Convert.ToUInt64(digits, 8)
                    : ulong.Parse(digits, NumberStyles.None, CultureInfo.InvariantCulture);
            if (negative)
            {
                if (magnitude > 9_223_372_036_854_775_808UL)
                {
                    return false;
                }

                value = unchecked(-(long)magnitude);
            }
            else
            {
                value = unchecked((long)magnitude);
            }

            return true;
        }
        catch (Exception e) when (e is FormatException or OverflowException or ArgumentException)
        {
            return false;
        }
    }
}
