using Governance.Schemas.Json.Model;
using static Governance.Schemas.Json.Compatibility.DifferenceType;

namespace Governance.Schemas.Json.Compatibility;

/// <summary>Numeric keywords, and <c>integer</c> widened to <c>number</c> (<c>TYPE_EXTENDED</c>) or narrowed back.</summary>
internal static class NumberSchemaDiff
{
    public static void Compare(DiffContext context, NumberSchema original, NumberSchema update)
    {
        BoundDiff.Compare(context, "maximum", original.Maximum, update.Maximum,
            (MAXIMUM_ADDED, MAXIMUM_REMOVED, MAXIMUM_INCREASED, MAXIMUM_DECREASED));
        BoundDiff.Compare(context, "minimum", original.Minimum, update.Minimum,
            (MINIMUM_ADDED, MINIMUM_REMOVED, MINIMUM_INCREASED, MINIMUM_DECREASED));
        BoundDiff.Compare(context, "exclusiveMaximum", original.ExclusiveMaximumLimit, update.ExclusiveMaximumLimit,
            (EXCLUSIVE_MAXIMUM_ADDED, EXCLUSIVE_MAXIMUM_REMOVED, EXCLUSIVE_MAXIMUM_INCREASED, EXCLUSIVE_MAXIMUM_DECREASED));
        BoundDiff.Compare(context, "exclusiveMinimum", original.ExclusiveMinimumLimit, update.ExclusiveMinimumLimit,
            (EXCLUSIVE_MINIMUM_ADDED, EXCLUSIVE_MINIMUM_REMOVED, EXCLUSIVE_MINIMUM_INCREASED, EXCLUSIVE_MINIMUM_DECREASED));
        CompareMultipleOf(context, original.MultipleOf, update.MultipleOf);
        if (original.RequiresInteger != update.RequiresInteger)
        {
            context.Add(original.RequiresInteger ? TYPE_EXTENDED : TYPE_NARROWED);
        }
    }

    /// <summary>
    /// A new multiple of the old <c>multipleOf</c> accepts fewer values (expanded); a divisor of it accepts more (reduced).
    /// Confluent divides the integer parts, which fails on fractions below 1; exact decimal division gives the same answer
    /// for integers and a meaningful one for fractions.
    /// </summary>
    private static void CompareMultipleOf(DiffContext context, decimal? original, decimal? update)
    {
        if (original == update)
        {
            return;
        }

        if (original is null)
        {
            context.Add("multipleOf", MULTIPLE_OF_ADDED);
        }
        else if (update is null)
        {
            context.Add("multipleOf", MULTIPLE_OF_REMOVED);
        }
        else if (original.Value == 0 || update.Value == 0)
        {
            // Below decimal's precision (a multipleOf of 1e-30 reads as 0): nothing to divide by.
            context.Add("multipleOf", MULTIPLE_OF_CHANGED);
        }
        else if (update.Value % original.Value == 0)
        {
            context.Add("multipleOf", MULTIPLE_OF_EXPANDED);
        }
        else if (original.Value % update.Value == 0)
        {
            context.Add("multipleOf", MULTIPLE_OF_REDUCED);
        }
        else
        {
            context.Add("multipleOf", MULTIPLE_OF_CHANGED);
        }
    }
}
