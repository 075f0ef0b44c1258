namespace Governance.Api.Http;

/// <summary>
/// A boolean query parameter read as Jersey reads one: <c>true</c> in any case is true, anything else (or absence) is
/// false, and no value is ever refused.
/// </summary>
public readonly record struct QueryFlag(bool IsSet)
{
    public static bool TryParse(string? text, out QueryFlag flag)
    {
        flag = new QueryFlag(string.Equals(text, "true", StringComparison.OrdinalIgnoreCase));
        return true;
    }

    public static implicit operator bool(QueryFlag flag) => flag.IsSet;

    public bool ToBoolean() => IsSet;
}
