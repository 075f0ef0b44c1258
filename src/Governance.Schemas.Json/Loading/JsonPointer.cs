using System.Globalization;
using System.Text.Json;

namespace Governance.Schemas.Json.Loading;

/// <summary>JSON pointers (RFC 6901) into a schema document: <c>""</c> is the root, <c>"/properties/a~1b"</c> the property <c>a/b</c>.</summary>
internal static class JsonPointer
{
    public static string Append(string pointer, string token) =>
        pointer + "/" + token.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal);

    public static string Append(string pointer, int index) => pointer + "/" + index.ToString(CultureInfo.InvariantCulture);

    /// <summary>The pointer as a URI fragment, the way schema errors name places: <c>#/properties/foo</c>.</summary>
    public static string ToFragment(string pointer) => "#" + pointer;

    public static IEnumerable<string> Tokens(string pointer) =>
        pointer.Length == 0
            ? []
            : pointer[1..].Split('/').Select(t => t.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal));

    public static bool TryEvaluate(JsonElement root, string pointer, out JsonElement target)
    {
        target = root;
        foreach (var token in Tokens(pointer))
        {
            if (target.ValueKind == JsonValueKind.Object && target.TryGetProperty(token, out var member))
            {
                target = member;
            }
            else if (target.ValueKind == JsonValueKind.Array
                && int.TryParse(token, NumberStyles.None, CultureInfo.InvariantCulture, out var index)
                && index < target.GetArrayLength())
            {
                target = target[index];
            }
            else
            {
                return false;
            }
        }

        return true;
    }
}
