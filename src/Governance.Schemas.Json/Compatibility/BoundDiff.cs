namespace Governance.Schemas.Json.Compatibility;

/// <summary>
/// The one pattern behind every numeric keyword Confluent compares (<c>maxLength</c>, <c>minimum</c>, <c>minItems</c>...):
/// the keyword was added, removed, or its value went up or down.
/// </summary>
internal static class BoundDiff
{
    public static void Compare<T>(
        DiffContext context,
        string keyword,
        T? original,
        T? update,
        (DifferenceType Added, DifferenceType Removed, DifferenceType Increased, DifferenceType Decreased) kinds)
        where T : struct, IComparable<T>
    {
        if (original is null && update is null)
        {
            return;
        }

        if (original is null)
        {
            context.Add(keyword, kinds.Added);
        }
        else if (update is null)
        {
            context.Add(keyword, kinds.Removed);
        }
        else if (original.Value.CompareTo(update.Value) < 0)
        {
            context.Add(keyword, kinds.Increased);
        }
        else if (original.Value.CompareTo(update.Value) > 0)
        {
            context.Add(keyword, kinds.Decreased);
        }
    }
}
