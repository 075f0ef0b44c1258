using Governance.Schemas.Json.Model;
using static Governance.Schemas.Json.Compatibility.DifferenceType;

namespace Governance.Schemas.Json.Compatibility;

/// <summary>Permitted values: <c>enum</c> extended, narrowed or changed; a different <c>const</c> is a changed enum.</summary>
internal static class EnumSchemaDiff
{
    public static void Compare(DiffContext context, EnumSchema original, EnumSchema update)
    {
        if (original.PossibleValues.SetEquals(update.PossibleValues))
        {
            return;
        }

        if (update.PossibleValues.IsSupersetOf(original.PossibleValues))
        {
            context.Add("enum", ENUM_ARRAY_EXTENDED);
        }
        else if (original.PossibleValues.IsSupersetOf(update.PossibleValues))
        {
            context.Add("enum", ENUM_ARRAY_NARROWED);
        }
        else
        {
            context.Add("enum", ENUM_ARRAY_CHANGED);
        }
    }

    public static void Compare(DiffContext context, ConstSchema original, ConstSchema update)
    {
        if (original.PermittedValue != update.PermittedValue)
        {
            context.Add("const", ENUM_ARRAY_CHANGED);
        }
    }
}
