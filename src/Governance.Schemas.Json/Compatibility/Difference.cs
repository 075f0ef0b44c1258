using static Governance.Schemas.Json.Compatibility.DifferenceType;

namespace Governance.Schemas.Json.Compatibility;

/// <summary>
/// One difference from an original schema to an updated one: its kind and where, as a JSON pointer into the original
/// (<c>#/properties/foo</c>; property names are not escaped, as in Confluent).
/// </summary>
public sealed record Difference(DifferenceType Type, string JsonPath)
{
    private static readonly HashSet<DifferenceType> KeywordAddedOrRemoved =
    [
        MAXIMUM_ADDED, MINIMUM_ADDED, EXCLUSIVE_MAXIMUM_ADDED, EXCLUSIVE_MINIMUM_ADDED, MULTIPLE_OF_ADDED, MAX_LENGTH_ADDED,
        MIN_LENGTH_ADDED, PATTERN_ADDED, REQUIRED_ATTRIBUTE_ADDED, MAX_PROPERTIES_ADDED, MIN_PROPERTIES_ADDED, DEPENDENCY_ARRAY_ADDED,
        DEPENDENCY_SCHEMA_ADDED, MAX_ITEMS_ADDED, MIN_ITEMS_ADDED, MAX_CONTAINS_ADDED, MIN_CONTAINS_ADDED, UNIQUE_ITEMS_ADDED,
        ADDITIONAL_ITEMS_REMOVED, ADDITIONAL_PROPERTIES_REMOVED, UNEVALUATED_PROPERTIES_REMOVED, UNEVALUATED_ITEMS_REMOVED,
    ];

    private static readonly HashSet<DifferenceType> ValueIncreased =
    [
        MIN_LENGTH_INCREASED, MINIMUM_INCREASED, EXCLUSIVE_MINIMUM_INCREASED, MIN_PROPERTIES_INCREASED, MULTIPLE_OF_EXPANDED,
        MIN_ITEMS_INCREASED, MIN_CONTAINS_INCREASED,
    ];

    private static readonly HashSet<DifferenceType> ValueDecreased =
    [
        MAX_LENGTH_DECREASED, MAXIMUM_DECREASED, MAX_ITEMS_DECREASED, MAX_CONTAINS_DECREASED, EXCLUSIVE_MAXIMUM_DECREASED,
        MAX_PROPERTIES_DECREASED,
    ];

    private static readonly HashSet<DifferenceType> TypeNarrowed =
    [
        ADDITIONAL_ITEMS_NARROWED, ENUM_ARRAY_NARROWED, SUM_TYPE_NARROWED, ADDITIONAL_PROPERTIES_NARROWED,
        UNEVALUATED_PROPERTIES_NARROWED, UNEVALUATED_ITEMS_NARROWED,
    ];

    private static readonly HashSet<DifferenceType> ValueChanged = [PATTERN_CHANGED, MULTIPLE_OF_CHANGED, DEPENDENCY_ARRAY_CHANGED];

    private static readonly HashSet<DifferenceType> TypeChanged =
        [TYPE_CHANGED, TYPE_NARROWED, COMBINED_TYPE_CHANGED, COMBINED_TYPE_SUBSCHEMAS_CHANGED, ENUM_ARRAY_CHANGED];

    private static readonly HashSet<DifferenceType> TypeExtended = [DEPENDENCY_ARRAY_EXTENDED, PRODUCT_TYPE_EXTENDED, SUM_TYPE_EXTENDED, NOT_TYPE_EXTENDED];

    private static readonly HashSet<DifferenceType> PropertyOrItemAddedToOpen =
    [
        REQUIRED_PROPERTY_ADDED_TO_OPEN_CONTENT_MODEL, REQUIRED_PROPERTY_WITH_DEFAULT_ADDED_TO_OPEN_CONTENT_MODEL,
        OPTIONAL_PROPERTY_ADDED_TO_OPEN_CONTENT_MODEL, ITEM_ADDED_TO_OPEN_CONTENT_MODEL,
    ];

    /// <summary>
    /// Confluent's description of this difference, naming the updated schema <paramref name="update"/> and the original
    /// <paramref name="original"/> (a backward check calls them "new" and "old"); empty for the kinds Confluent describes
    /// with no sentence (annotation changes, <c>SCHEMA_ADDED</c>, ...).
    /// </summary>
    public string Describe(string update, string original)
    {
        var path = JsonPath;
        if (KeywordAddedOrRemoved.Contains(Type))
        {
            return $"The keyword at path '{path}' in the {update} schema is not present in the {original} schema";
        }

        if (ValueIncreased.Contains(Type))
        {
            return $"The value at path '{path}' in the {update} schema is more than its value in the {original} schema";
        }

        if (ValueDecreased.Contains(Type))
        {
            return $"The value at path '{path}' in the {update} schema is less than its value in the {original} schema";
        }

        if (ValueChanged.Contains(Type))
        {
            return $"The value at path '{path}' is different between the {update} and {original} schema";
        }

        if (TypeNarrowed.Contains(Type))
        {
            return $"An array or combined type at path '{path}' has fewer elements in the {update} schema than the {original} schema";
        }

        if (TypeExtended.Contains(Type))
        {
            return $"An array or combined type at path '{path}' has more elements in the {update} schema than the {original} schema";
        }

        if (TypeChanged.Contains(Type))
        {
            return $"A type at path '{path}' is different between the {update} schema and the {original} schema";
        }

        if (PropertyOrItemAddedToOpen.Contains(Type))
        {
            return $"The {update} schema has an open content model and has a property or item at path '{path}' which is missing in the {original} schema";
        }

        return Type switch
        {
            REQUIRED_PROPERTY_ADDED_TO_UNOPEN_CONTENT_MODEL =>
                $"The {update} schema has an unopen content model and has a required property at path '{path}' which is missing in the {original} schema",
            PROPERTY_REMOVED_FROM_CLOSED_CONTENT_MODEL or ITEM_REMOVED_FROM_CLOSED_CONTENT_MODEL =>
                $"The {update} schema has a closed content model and is missing a property or item present at path '{path}' in the {original} schema",
            PROPERTY_REMOVED_NOT_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL or ITEM_REMOVED_NOT_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL =>
                $"A property or item is missing in the {update} schema but present at path '{path}' in the {original} schema and is not covered by its partially open content model",
            PROPERTY_ADDED_NOT_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL or ITEM_ADDED_NOT_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL =>
                $"The {update} schema has a property or item at path '{path}' which is missing in the {original} schema and is not covered by its partially open content model",
            _ => string.Empty,
        };
    }

    /// <summary>The line Confluent puts in a verbose answer for this difference found by a backward check (new schema reading old data).</summary>
    public string ToVerboseMessage() => $"{{errorType:\"{Type}\", description:\"{Describe("new", "old")}\"}}";
}
