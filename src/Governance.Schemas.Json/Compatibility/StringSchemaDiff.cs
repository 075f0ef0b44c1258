using Governance.Schemas.Json.Model;
using static Governance.Schemas.Json.Compatibility.DifferenceType;

namespace Governance.Schemas.Json.Compatibility;

/// <summary>String keywords: <c>maxLength</c>, <c>minLength</c>, <c>pattern</c> (compared as text).</summary>
internal static class StringSchemaDiff
{
    public static void Compare(DiffContext context, StringSchema original, StringSchema update)
    {
        BoundDiff.Compare(context, "maxLength", original.MaxLength, update.MaxLength,
            (MAX_LENGTH_ADDED, MAX_LENGTH_REMOVED, MAX_LENGTH_INCREASED, MAX_LENGTH_DECREASED));
        BoundDiff.Compare(context, "minLength", original.MinLength, update.MinLength,
            (MIN_LENGTH_ADDED, MIN_LENGTH_REMOVED, MIN_LENGTH_INCREASED, MIN_LENGTH_DECREASED));
        if (original.Pattern is null && update.Pattern is not null)
        {
            context.Add("pattern", PATTERN_ADDED);
        }
        else if (original.Pattern is not null && update.Pattern is null)
        {
            context.Add("pattern", PATTERN_REMOVED);
        }
        else if (original.Pattern != update.Pattern)
        {
            context.Add("pattern", PATTERN_CHANGED);
        }
    }
}
