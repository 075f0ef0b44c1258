using System.Text.RegularExpressions;
using Governance.Schemas.Json.Model;

namespace Governance.Schemas.Json.Compatibility;

/// <summary>
/// How an object or array treats members it does not name. Open: any extra member is allowed (<c>additionalProperties</c>
/// absent or <c>true</c>, and <c>unevaluatedProperties</c> absent or <c>true</c>). Partially open: extra members must match
/// a schema (<c>patternProperties</c>, an <c>additionalProperties</c> schema, or an <c>unevaluatedProperties</c> schema).
/// Closed: no extra member (<c>false</c>).
/// </summary>
internal static class ContentModel
{
    public static bool IsOpen(ObjectSchema schema) =>
        schema.PermitsAdditionalProperties
        && schema.SchemaOfAdditionalProperties is null
        && schema.PatternProperties.Count == 0
        && schema.UnevaluatedProperties is null or EmptySchema;

    public static bool IsOpen(ArraySchema schema) =>
        schema.PermitsAdditionalItems
        && schema.SchemaOfAdditionalItems is null
        && schema.UnevaluatedItems is null or EmptySchema;

    /// <summary>The schema a partially open object applies to a member named <paramref name="property"/>, or null when it has none.</summary>
    public static SchemaNode? PartialSchemaFor(ObjectSchema schema, string property)
    {
        foreach (var patternProperty in schema.PatternProperties)
        {
            if (Matches(patternProperty.Pattern, property))
            {
                return patternProperty.Schema;
            }
        }

        if (schema.SchemaOfAdditionalProperties is not null)
        {
            return schema.SchemaOfAdditionalProperties;
        }

        var additionalAbsent = schema.PermitsAdditionalProperties && schema.SchemaOfAdditionalProperties is null;
        return additionalAbsent ? ConstrainingSchema(schema.UnevaluatedProperties) : null;
    }

    /// <summary>The schema a partially open array applies to items past its positional ones, or null when it has none.</summary>
    public static SchemaNode? PartialSchemaFor(ArraySchema schema)
    {
        if (schema.SchemaOfAdditionalItems is not null)
        {
            return schema.SchemaOfAdditionalItems;
        }

        var additionalAbsent = schema.PermitsAdditionalItems && schema.SchemaOfAdditionalItems is null;
        return additionalAbsent ? ConstrainingSchema(schema.UnevaluatedItems) : null;
    }

    /// <summary>
    /// <c>additionalProperties</c>/<c>additionalItems</c> (or their <c>unevaluated*</c> counterparts) compared as Confluent
    /// compares them: allowed or not, then a schema added (narrowed), removed (extended) or changed.
    /// </summary>
    public static void CompareAdditional(
        DiffContext context,
        string keyword,
        (bool Permits, SchemaNode? Schema) original,
        (bool Permits, SchemaNode? Schema) update,
        (DifferenceType Added, DifferenceType Removed, DifferenceType Extended, DifferenceType Narrowed) kinds)
    {
        using (context.EnterPath(keyword))
        {
            if (original.Permits != update.Permits)
            {
                context.Add(update.Permits ? kinds.Added : kinds.Removed);
            }
            else if (original.Schema is null && update.Schema is not null)
            {
                context.Add(kinds.Narrowed);
            }
            else if (update.Schema is null && original.Schema is not null)
            {
                context.Add(kinds.Extended);
            }
            else
            {
                SchemaDiff.Compare(context, original.Schema, update.Schema);
            }
        }
    }

    /// <summary>
    /// A member added or removed where a partially open content model applies <paramref name="partial"/>: compares the two
    /// (old side first), keeps what that finds, and says whether the partial schema covers the member.
    /// </summary>
    public static void CompareCovered(
        DiffContext context, SchemaNode original, SchemaNode update, DifferenceType covered, DifferenceType notCovered)
    {
        var trial = context.Subcontext();
        SchemaDiff.Compare(trial, original, update);
        context.AddAll(trial.Differences);
        context.Add(trial.IsCompatible ? covered : notCovered);
    }

    /// <summary>
    /// <c>unevaluatedProperties</c>/<c>unevaluatedItems</c> compared as Confluent compares them: <c>false</c> appearing or
    /// going (removed, added), a schema appearing where there was none or <c>true</c> (narrowed) or going (extended),
    /// otherwise the schemas themselves. Absent and <c>true</c> are not alike here: <c>true</c> added counts as narrowed.
    /// </summary>
    public static void CompareUnevaluated(
        DiffContext context,
        string keyword,
        SchemaNode? original,
        SchemaNode? update,
        (DifferenceType Added, DifferenceType Removed, DifferenceType Extended, DifferenceType Narrowed) kinds)
    {
        if (original is null && update is null)
        {
            return;
        }

        using (context.EnterPath(keyword))
        {
            if (original is null)
            {
                context.Add(update is FalseSchema ? kinds.Removed : kinds.Narrowed);
            }
            else if (update is null)
            {
                context.Add(original is FalseSchema ? kinds.Added : kinds.Extended);
            }
            else if (original is FalseSchema != update is FalseSchema)
            {
                context.Add(original is FalseSchema ? kinds.Added : kinds.Removed);
            }
            else if (original is EmptySchema != update is EmptySchema)
            {
                context.Add(original is EmptySchema ? kinds.Narrowed : kinds.Extended);
            }
            else
            {
                SchemaDiff.Compare(context, original, update);
            }
        }
    }

    /// <summary>A pattern that takes too long on a name (its match timeout) is taken not to cover it.</summary>
    private static bool Matches(Regex pattern, string name)
    {
        try
        {
            return pattern.IsMatch(name);
        }
        catch (RegexMatchTimeoutException)
        {
            return false;
        }
    }

    private static SchemaNode? ConstrainingSchema(SchemaNode? schema) => schema is null or FalseSchema or EmptySchema ? null : schema;
}
