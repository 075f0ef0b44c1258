using System.Globalization;
using System.Text;

namespace Governance.Schemas.Avro.Compatibility;

/// <summary>
/// Where in the reader schema a compatibility check is, as Java's location stack: the tokens since the root of the
/// current check. Every check shares one stack of tokens (a check that starts over from a new root, as Java's
/// two-argument <c>getCompatibility</c> does, only remembers where its root begins), and the JSON pointer is written
/// only when an incompatibility is reported, so the compatible path builds no strings.
/// </summary>
internal readonly struct CheckLocation
{
    private readonly List<Token> _tokens;
    private readonly int _root;

    private CheckLocation(List<Token> tokens, int root)
    {
        _tokens = tokens;
        _root = root;
    }

    public static CheckLocation NewStack() => new([], 0);

    /// <summary>A location whose root is the top of the same stack: the pointer leaves out everything pushed before.</summary>
    public CheckLocation StartOver() => new(_tokens, _tokens.Count);

    public void Push(string name) => _tokens.Add(new Token(name, 0));

    public void Push(int index) => _tokens.Add(new Token(null, index));

    public void Pop() => _tokens.RemoveAt(_tokens.Count - 1);

    /// <summary>
    /// Java's <c>Incompatibility.getLocation()</c>: the tokens after the root token, as an escaped JSON pointer (RFC 6901
    /// section 3: "~" as "~0", "/" as "~1"), with <paramref name="last"/> appended when given.
    /// </summary>
    public string Pointer(string? last = null)
    {
        var pointer = new StringBuilder();
        for (var i = _root + 1; i < _tokens.Count; i++)
        {
            Append(pointer, _tokens[i]);
        }

        if (last is not null)
        {
            Append(pointer, new Token(last, 0));
        }

        return pointer.Length == 0 ? "/" : pointer.ToString();
    }

    private static void Append(StringBuilder pointer, Token token)
    {
        pointer.Append('/');
        if (token.Name is null)
        {
            pointer.Append(token.Index.ToString(CultureInfo.InvariantCulture));
        }
        else
        {
            pointer.Append(token.Name.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal));
        }
    }

    /// <summary>A name (<c>fields</c>, <c>type</c>...) or, when the name is null, a position (a field's or a union branch's).</summary>
    private readonly record struct Token(string? Name, int Index);
}
