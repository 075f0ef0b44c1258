using System.Globalization;
using Governance.Schemas.Json.Model;
using static Governance.Schemas.Json.Compatibility.DifferenceType;

namespace Governance.Schemas.Json.Compatibility;

/// <summary>
/// Array keywords. Positional items (<c>items</c> as an array, 2020-12's <c>prefixItems</c>) added or removed are judged
/// by the content model of the side that lacks them, as properties are (<see cref="ObjectSchemaDiff"/>); they are reported
/// at <c>#/items/N</c> in every draft.
/// </summary>
internal static class ArraySchemaDiff
{
    public static void Compare(DiffContext context, ArraySchema original, ArraySchema update)
    {
        using (context.EnterPath("items"))
        {
            SchemaDiff.Compare(context, original.AllItemSchema, update.AllItemSchema);
        }

        ComparePositionalItems(context, original, update);
        ContentModel.CompareAdditional(context, "additionalItems",
            (original.PermitsAdditionalItems, original.SchemaOfAdditionalItems),
            (update.PermitsAdditionalItems, update.SchemaOfAdditionalItems),
            (ADDITIONAL_ITEMS_ADDED, ADDITIONAL_ITEMS_REMOVED, ADDITIONAL_ITEMS_EXTENDED, ADDITIONAL_ITEMS_NARROWED));
        ContentModel.CompareUnevaluated(context, "unevaluatedItems", original.UnevaluatedItems, update.UnevaluatedItems,
            (UNEVALUATED_ITEMS_ADDED, UNEVALUATED_ITEMS_REMOVED, UNEVALUATED_ITEMS_EXTENDED, UNEVALUATED_ITEMS_NARROWED));

        BoundDiff.Compare(context, "maxItems", original.MaxItems, update.MaxItems,
            (MAX_ITEMS_ADDED, MAX_ITEMS_REMOVED, MAX_ITEMS_INCREASED, MAX_ITEMS_DECREASED));
        BoundDiff.Compare(context, "minItems", original.MinItems, update.MinItems,
            (MIN_ITEMS_ADDED, MIN_ITEMS_REMOVED, MIN_ITEMS_INCREASED, MIN_ITEMS_DECREASED));
        if (original.NeedsUniqueItems != update.NeedsUniqueItems)
        {
            context.Add("uniqueItems", original.NeedsUniqueItems ? UNIQUE_ITEMS_REMOVED : UNIQUE_ITEMS_ADDED);
        }

        BoundDiff.Compare(context, "maxContains", original.MaxContains, update.MaxContains,
            (MAX_CONTAINS_ADDED, MAX_CONTAINS_REMOVED, MAX_CONTAINS_INCREASED, MAX_CONTAINS_DECREASED));
        BoundDiff.Compare(context, "minContains", original.MinContains, update.MinContains,
            (MIN_CONTAINS_ADDED, MIN_CONTAINS_REMOVED, MIN_CONTAINS_INCREASED, MIN_CONTAINS_DECREASED));
    }

    private static void ComparePositionalItems(DiffContext context, ArraySchema original, ArraySchema update)
    {
        var count = Math.Max(original.ItemSchemas.Count, update.ItemSchemas.Count);
        for (var index = 0; index < count; index++)
        {
            using (context.EnterPath("items/" + index.ToString(CultureInfo.InvariantCulture)))
            {
                if (index >= update.ItemSchemas.Count)
                {
                    ItemRemoved(context, original.ItemSchemas[index], update);
                }
                else if (index >= original.ItemSchemas.Count)
                {
                    ItemAdded(context, update.ItemSchemas[index], original);
                }
                else
                {
                    SchemaDiff.Compare(context, original.ItemSchemas[index], update.ItemSchemas[index]);
                }
            }
        }
    }

    private static void ItemRemoved(DiffContext context, SchemaNode originalItem, ArraySchema update)
    {
        if (ContentModel.IsOpen(update))
        {
            context.Add(ITEM_REMOVED_FROM_OPEN_CONTENT_MODEL);
        }
        else if (ContentModel.PartialSchemaFor(update) is { } partial)
        {
            ContentModel.CompareCovered(context, originalItem, partial, ITEM_REMOVED_IS_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL, ITEM_REMOVED_NOT_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL);
        }
        else
        {
            context.Add(originalItem is FalseSchema ? ITEM_WITH_FALSE_REMOVED_FROM_CLOSED_CONTENT_MODEL : ITEM_REMOVED_FROM_CLOSED_CONTENT_MODEL);
        }
    }

    private static void ItemAdded(DiffContext context, SchemaNode updateItem, ArraySchema original)
    {
        if (ContentModel.IsOpen(original))
        {
            context.Add(updateItem is EmptySchema ? ITEM_WITH_EMPTY_SCHEMA_ADDED_TO_OPEN_CONTENT_MODEL : ITEM_ADDED_TO_OPEN_CONTENT_MODEL);
        }
        else if (ContentModel.PartialSchemaFor(original) is { } partial)
        {
            ContentModel.CompareCovered(context, partial, updateItem, ITEM_ADDED_IS_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL, ITEM_ADDED_NOT_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL);
        }
        else
        {
            context.Add(ITEM_ADDED_TO_CLOSED_CONTENT_MODEL);
        }
    }
}
