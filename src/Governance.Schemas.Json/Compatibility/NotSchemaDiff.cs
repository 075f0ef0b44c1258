using Governance.Schemas.Json.Model;
using static Governance.Schemas.Json.Compatibility.DifferenceType;

namespace Governance.Schemas.Json.Compatibility;

/// <summary>
/// <c>not</c>: the update accepts at least what the original did when the original's excluded schema can read what the
/// update excludes, so the two are compared the other way round. Like Confluent, an unchanged <c>not</c> reports
/// <c>NOT_TYPE_NARROWED</c> (compatible).
/// </summary>
internal static class NotSchemaDiff
{
    public static void Compare(DiffContext context, NotSchema original, NotSchema update)
    {
        using (context.EnterPath("not"))
        {
            var reversed = context.Subcontext();
            SchemaDiff.Compare(reversed, update.MustNotMatch, original.MustNotMatch);
            context.Add(reversed.IsCompatible ? NOT_TYPE_NARROWED : NOT_TYPE_EXTENDED);
        }
    }
}
