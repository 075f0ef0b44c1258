using Governance.Schemas.Json.Model;
using static Governance.Schemas.Json.Compatibility.DifferenceType;

namespace Governance.Schemas.Json.Compatibility;

/// <summary>
/// Object keywords. A property added or removed is judged by the content model (<see cref="ContentModel"/>) of the side
/// that lacks it: data written with the original may already carry any name its content model allowed.
/// </summary>
internal static class ObjectSchemaDiff
{
    public static void Compare(DiffContext context, ObjectSchema original, ObjectSchema update)
    {
        CompareRequired(context, original, update);
        CompareProperties(context, original, update);
        CompareDependencies(context, original, update);
        ContentModel.CompareAdditional(context, "additionalProperties",
            (original.PermitsAdditionalProperties, original.SchemaOfAdditionalProperties),
            (update.PermitsAdditionalProperties, update.SchemaOfAdditionalProperties),
            (ADDITIONAL_PROPERTIES_ADDED, ADDITIONAL_PROPERTIES_REMOVED, ADDITIONAL_PROPERTIES_EXTENDED, ADDITIONAL_PROPERTIES_NARROWED));
        ContentModel.CompareUnevaluated(context, "unevaluatedProperties", original.UnevaluatedProperties, update.UnevaluatedProperties,
            (UNEVALUATED_PROPERTIES_ADDED, UNEVALUATED_PROPERTIES_REMOVED, UNEVALUATED_PROPERTIES_EXTENDED, UNEVALUATED_PROPERTIES_NARROWED));

        BoundDiff.Compare(context, "maxProperties", original.MaxProperties, update.MaxProperties,
            (MAX_PROPERTIES_ADDED, MAX_PROPERTIES_REMOVED, MAX_PROPERTIES_INCREASED, MAX_PROPERTIES_DECREASED));
        BoundDiff.Compare(context, "minProperties", original.MinProperties, update.MinProperties,
            (MIN_PROPERTIES_ADDED, MIN_PROPERTIES_REMOVED, MIN_PROPERTIES_INCREASED, MIN_PROPERTIES_DECREASED));
    }

    private static void CompareRequired(DiffContext context, ObjectSchema original, ObjectSchema update)
    {
        using (context.EnterPath("required"))
        {
            foreach (var name in original.Properties.Keys.Where(update.Properties.ContainsKey))
            {
                var wasRequired = original.RequiredProperties.Contains(name);
                var isRequired = update.RequiredProperties.Contains(name);
                if (wasRequired && !isRequired)
                {
                    context.Add(name, REQUIRED_ATTRIBUTE_REMOVED);
                }
                else if (!wasRequired && isRequired)
                {
                    context.Add(name, update.Properties[name].HasDefaultValue ? REQUIRED_ATTRIBUTE_WITH_DEFAULT_ADDED : REQUIRED_ATTRIBUTE_ADDED);
                }
            }
        }
    }

    private static void CompareProperties(DiffContext context, ObjectSchema original, ObjectSchema update)
    {
        using (context.EnterPath("properties"))
        {
            foreach (var name in original.Properties.Keys.Concat(update.Properties.Keys.Where(k => !original.Properties.ContainsKey(k))))
            {
                using (context.EnterPath(name))
                {
                    var originalProperty = original.Properties.GetValueOrDefault(name);
                    var updateProperty = update.Properties.GetValueOrDefault(name);
                    if (updateProperty is null)
                    {
                        PropertyRemoved(context, originalProperty!, update, name);
                    }
                    else if (originalProperty is null)
                    {
                        PropertyAdded(context, updateProperty, original, update, name);
                    }
                    else
                    {
                        SchemaDiff.Compare(context, originalProperty, updateProperty);
                    }
                }
            }
        }
    }

    /// <summary>A removed property is fine when the update still accepts what old data may hold under that name.</summary>
    private static void PropertyRemoved(DiffContext context, SchemaNode originalProperty, ObjectSchema update, string name)
    {
        if (ContentModel.IsOpen(update))
        {
            context.Add(PROPERTY_REMOVED_FROM_OPEN_CONTENT_MODEL);
        }
        else if (ContentModel.PartialSchemaFor(update, name) is { } partial)
        {
            ContentModel.CompareCovered(context, originalProperty, partial, PROPERTY_REMOVED_IS_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL, PROPERTY_REMOVED_NOT_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL);
        }
        else
        {
            context.Add(originalProperty is FalseSchema
                ? PROPERTY_WITH_FALSE_REMOVED_FROM_CLOSED_CONTENT_MODEL
                : PROPERTY_REMOVED_FROM_CLOSED_CONTENT_MODEL);
        }
    }

    /// <summary>An added property is fine when old data could not have used the name in a way the update rejects.</summary>
    private static void PropertyAdded(DiffContext context, SchemaNode updateProperty, ObjectSchema original, ObjectSchema update, string name)
    {
        var required = update.RequiredProperties.Contains(name);
        if (ContentModel.IsOpen(original))
        {
            context.Add(updateProperty switch
            {
                EmptySchema => PROPERTY_WITH_EMPTY_SCHEMA_ADDED_TO_OPEN_CONTENT_MODEL,
                _ when !required => OPTIONAL_PROPERTY_ADDED_TO_OPEN_CONTENT_MODEL,
                _ when updateProperty.HasDefaultValue => REQUIRED_PROPERTY_WITH_DEFAULT_ADDED_TO_OPEN_CONTENT_MODEL,
                _ => REQUIRED_PROPERTY_ADDED_TO_OPEN_CONTENT_MODEL,
            });
            return;
        }

        if (ContentModel.PartialSchemaFor(original, name) is { } partial)
        {
            ContentModel.CompareCovered(context, partial, updateProperty, PROPERTY_ADDED_IS_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL, PROPERTY_ADDED_NOT_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL);
        }

        context.Add(!required
            ? OPTIONAL_PROPERTY_ADDED_TO_UNOPEN_CONTENT_MODEL
            : updateProperty.HasDefaultValue
                ? REQUIRED_PROPERTY_WITH_DEFAULT_ADDED_TO_UNOPEN_CONTENT_MODEL
                : REQUIRED_PROPERTY_ADDED_TO_UNOPEN_CONTENT_MODEL);
    }

    private static void CompareDependencies(DiffContext context, ObjectSchema original, ObjectSchema update)
    {
        using (context.EnterPath("dependencies"))
        {
            CompareEach(context, original.PropertyDependencies, update.PropertyDependencies, DEPENDENCY_ARRAY_REMOVED, DEPENDENCY_ARRAY_ADDED,
                (name, originalNames, updateNames) =>
                {
                    if (!originalNames.SetEquals(updateNames))
                    {
                        context.Add(name, updateNames.IsSupersetOf(originalNames) ? DEPENDENCY_ARRAY_EXTENDED
                            : originalNames.IsSupersetOf(updateNames) ? DEPENDENCY_ARRAY_NARROWED
                            : DEPENDENCY_ARRAY_CHANGED);
                    }
                });
            CompareEach(context, original.SchemaDependencies, update.SchemaDependencies, DEPENDENCY_SCHEMA_REMOVED, DEPENDENCY_SCHEMA_ADDED,
                (name, originalSchema, updateSchema) =>
                {
                    using (context.EnterPath(name))
                    {
                        SchemaDiff.Compare(context, originalSchema, updateSchema);
                    }
                });
        }
    }

    /// <summary>Entries of two maps by key: those only in the original removed, those only in the update added, the rest compared.</summary>
    private static void CompareEach<T>(
        DiffContext context,
        IReadOnlyDictionary<string, T> original,
        IReadOnlyDictionary<string, T> update,
        DifferenceType removed,
        DifferenceType added,
        Action<string, T, T> compareBoth)
    {
        foreach (var name in original.Keys.Concat(update.Keys.Where(k => !original.ContainsKey(k))))
        {
            if (!update.TryGetValue(name, out var updateValue))
            {
                context.Add(name, removed);
            }
            else if (!original.TryGetValue(name, out var originalValue))
            {
                context.Add(name, added);
            }
            else
            {
                compareBoth(name, originalValue, updateValue);
            }
        }
    }
}
