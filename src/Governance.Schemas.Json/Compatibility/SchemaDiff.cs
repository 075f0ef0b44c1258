using Governance.Schemas.Json.Model;
using static Governance.Schemas.Json.Compatibility.DifferenceType;

namespace Governance.Schemas.Json.Compatibility;

/// <summary>
/// Confluent's JSON Schema checker (json-schema-provider's <c>SchemaDiff</c>): walks an original schema and an updated
/// one side by side and lists every <see cref="Difference"/>; the update can read data written with the original when
/// every difference is in <see cref="CompatibleChanges.Strict"/>.
/// </summary>
internal static class SchemaDiff
{
    /// <summary>
    /// Every difference from <paramref name="original"/> to <paramref name="update"/>. The policy matters beyond the verdict:
    /// trial comparisons (union branches, partially open content models) keep what they find only when it is compatible.
    /// </summary>
    public static IReadOnlyList<Difference> Compare(SchemaNode original, SchemaNode update, IReadOnlySet<DifferenceType> compatibleChanges)
    {
        var context = new DiffContext(compatibleChanges);
        Compare(context, original, update);
        return context.Differences;
    }

    public static void Compare(DiffContext context, SchemaNode? original, SchemaNode? update)
    {
        if (original is null && update is null)
        {
            return;
        }

        if (original is null)
        {
            context.Add(SCHEMA_ADDED);
            return;
        }

        if (update is null)
        {
            context.Add(SCHEMA_REMOVED);
            return;
        }

        original = Dereference(original);
        update = Dereference(update);
        using var pair = context.EnterPair(original, update);
        if (pair is null || CompareWithUnion(context, original, update))
        {
            return;
        }

        if (!SameKind(original, update))
        {
            // Everything can be read into {} or true, and nothing was ever written with false.
            var bothConnectBytes = original.ConnectType == "bytes" && update.ConnectType == "bytes";
            if (original is not FalseSchema && update is not EmptySchema && !bothConnectBytes)
            {
                context.Add(TYPE_CHANGED);
            }

            return;
        }

        using var scope = context.EnterSchema(original);
        if (scope is null)
        {
            return; // a recursive schema, already being compared further up
        }

        CompareAnnotations(context, original, update);
        switch (original)
        {
            case StringSchema s:
                StringSchemaDiff.Compare(context, s, (StringSchema)update);
                break;
            case NumberSchema n:
                NumberSchemaDiff.Compare(context, n, (NumberSchema)update);
                break;
            case ConstSchema c:
                EnumSchemaDiff.Compare(context, c, (ConstSchema)update);
                break;
            case EnumSchema e:
                EnumSchemaDiff.Compare(context, e, (EnumSchema)update);
                break;
            case CombinedSchema c:
                CombinedSchemaDiff.Compare(context, c, (CombinedSchema)update);
                break;
            case NotSchema n:
                NotSchemaDiff.Compare(context, n, (NotSchema)update);
                break;
            case ObjectSchema o:
                ObjectSchemaDiff.Compare(context, o, (ObjectSchema)update);
                break;
            case ArraySchema a:
                ArraySchemaDiff.Compare(context, a, (ArraySchema)update);
                break;
        }
    }

    /// <summary>
    /// A plain schema against a union: compatible when the union has one branch that is (a sum type extended), or when the
    /// original was an allOf with one branch the update is (a product type narrowed). Returns true when that settled it.
    /// </summary>
    private static bool CompareWithUnion(DiffContext context, SchemaNode original, SchemaNode update)
    {
        if (original is not CombinedSchema && update is CombinedSchema combinedUpdate)
        {
            if (combinedUpdate.Subschemas.Count == 1)
            {
                return TryCompatible(context, original, combinedUpdate.Subschemas[0], extra: null);
            }

            if (combinedUpdate.Criterion is CombinationCriterion.AnyOf or CombinationCriterion.OneOf)
            {
                return combinedUpdate.Subschemas.Any(branch => TryCompatible(context, original, branch, SUM_TYPE_EXTENDED));
            }
        }
        else if (original is CombinedSchema combinedOriginal && update is not CombinedSchema)
        {
            if (combinedOriginal.Subschemas.Count == 1)
            {
                return TryCompatible(context, combinedOriginal.Subschemas[0], update, extra: null);
            }

            if (combinedOriginal.Criterion == CombinationCriterion.AllOf)
            {
                return combinedOriginal.Subschemas.Any(branch => TryCompatible(context, branch, update, PRODUCT_TYPE_NARROWED));
            }
        }

        return false;
    }

    private static bool TryCompatible(DiffContext context, SchemaNode original, SchemaNode update, DifferenceType? extra)
    {
        var trial = context.Subcontext();
        Compare(trial, original, update);
        if (!trial.IsCompatible)
        {
            return false;
        }

        context.AddAll(trial.Differences);
        if (extra is { } type)
        {
            context.Add(type);
        }

        return true;
    }

    private static void CompareAnnotations(DiffContext context, SchemaNode original, SchemaNode update)
    {
        if (original.Id != update.Id)
        {
            context.Add(ID_CHANGED);
        }

        if (original.Title != update.Title)
        {
            context.Add(TITLE_CHANGED);
        }

        if (original.Description != update.Description)
        {
            context.Add(DESCRIPTION_CHANGED);
        }

        if (original.DefaultValue != update.DefaultValue)
        {
            context.Add(DEFAULT_CHANGED);
        }
    }

    /// <summary>Whether two schemas are of one kind: the same node type, or both combined schemas.</summary>
    private static bool SameKind(SchemaNode original, SchemaNode update) =>
        original.GetType() == update.GetType() || (original is CombinedSchema && update is CombinedSchema);

    /// <summary>The schema a <c>$ref</c> (or chain of them) stands for; the loader refuses chains that loop.</summary>
    public static SchemaNode Dereference(SchemaNode schema)
    {
        while (schema is ReferenceSchema reference)
        {
            schema = reference.Referred!;
        }

        return schema;
    }
}
