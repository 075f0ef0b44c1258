using System.Reflection;
using Microsoft.AspNetCore.Http;

namespace Governance.Api.Http;

/// <summary>
/// A boolean query parameter, named like the handler's parameter, read as Jersey reads one: <c>true</c> in any case is
/// true, anything else (or absence) is false, and no value is ever refused.
/// </summary>
public readonly record struct QueryFlag(bool IsSet)
{
    public static ValueTask<QueryFlag> BindAsync(HttpContext context, ParameterInfo parameter)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(parameter);
        var text = context.Request.Query[parameter.Name!].ToString();
        return ValueTask.FromResult(new QueryFlag(string.Equals(text, "true", StringComparison.OrdinalIgnoreCase)));
    }

    public static implicit operator bool(QueryFlag flag) => flag.IsSet;

    public bool ToBoolean() => IsSet;
}
