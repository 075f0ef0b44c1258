using System.Globalization;
using Google.Protobuf.Reflection;

namespace Governance.Schemas.Protobuf.Compatibility;

/// <summary>
/// Compares two versions of one message as Confluent's MessageSchemaDiff and OneOfDiff do: top-level fields by number,
/// oneofs by name, fields moving into oneofs (one field into a new oneof is fine; several, or one joining fields that
/// were already in a oneof, is not), then nested types.
/// </summary>
internal static class MessageDiff
{
    public static void Compare(DiffContext context, DescriptorProto original, DescriptorProto update, bool originalProto3, bool updateProto3)
    {
        using (var scope = context.EnterMessage(original))
        {
            if (scope is not null)
            {
                CompareFields(context, FieldView.Of(original, originalProto3), FieldView.Of(update, updateProto3));
            }
        }

        SchemaDiff.CompareTypes(
            context,
            new SchemaDiff.TypeList(original.NestedType, original.EnumType, originalProto3),
            new SchemaDiff.TypeList(update.NestedType, update.EnumType, updateProto3));
    }

    private static void CompareFields(DiffContext context, List<FieldView> original, List<FieldView> update)
    {
        var originalByNumber = original.Where(f => f.OneOf is null).ToDictionary(f => f.Number);
        var updateByNumber = update.Where(f => f.OneOf is null).ToDictionary(f => f.Number);
        var originalOneOfMembers = original.Where(f => f.OneOf is not null).ToDictionary(f => f.Number);
        var updateNumbers = update.Select(f => f.Number).ToHashSet();

        var updateOneOfs = update.Where(f => f.OneOf is not null).GroupBy(f => f.OneOf!).ToList();
        foreach (var oneOf in updateOneOfs)
        {
            using var scope = context.Enter(oneOf.Key);
            var moved = 0;
            var existing = 0;
            foreach (var field in oneOf)
            {
                if (originalByNumber.Remove(field.Number))
                {
                    moved++;
                }
                else if (originalOneOfMembers.ContainsKey(field.Number))
                {
                    existing++;
                }
            }

            if (moved > 1)
            {
                context.Add("MULTIPLE_FIELDS_MOVED_TO_ONEOF");
            }
            else if (moved == 1 && existing > 0)
            {
                context.Add("FIELD_MOVED_TO_EXISTING_ONEOF");
            }
        }

        var originalOneOfs = original.Where(f => f.OneOf is not null).GroupBy(f => f.OneOf!).ToDictionary(g => g.Key, g => g.ToList());
        var updateOneOfsByName = updateOneOfs.ToDictionary(g => g.Key, g => g.ToList());
        foreach (var name in originalOneOfs.Keys.Union(updateOneOfsByName.Keys).Order(StringComparer.Ordinal))
        {
            using var scope = context.Enter(name);
            if (!updateOneOfsByName.TryGetValue(name, out var updateMembers))
            {
                context.Add("ONEOF_REMOVED");
            }
            else if (!originalOneOfs.TryGetValue(name, out var originalMembers))
            {
                context.Add("ONEOF_ADDED");
            }
            else
            {
                CompareOneOf(context, originalMembers, updateMembers, updateNumbers);
            }
        }

        foreach (var number in originalByNumber.Keys.Union(updateByNumber.Keys).Order())
        {
            using var scope = context.Enter(number.ToString(CultureInfo.InvariantCulture));
            var originalField = originalByNumber.GetValueOrDefault(number);
            var updateField = updateByNumber.GetValueOrDefault(number);
            if (updateField is null)
            {
                context.Add(originalField!.Label == "REQUIRED" ? "REQUIRED_FIELD_REMOVED" : "FIELD_REMOVED");
            }
            else if (originalField is null)
            {
                context.Add(updateField.Label == "REQUIRED" ? "REQUIRED_FIELD_ADDED" : "FIELD_ADDED");
            }
            else
            {
                FieldDiff.Compare(context, originalField, updateField);
            }
        }

        // Fields whose oneof membership changed are compared by number across the whole message.
        var updateAll = update.ToDictionary(f => f.Number);
        foreach (var originalField in original.OrderBy(f => f.Number))
        {
            if (!updateAll.TryGetValue(originalField.Number, out var updateField)
                || (originalField.OneOf is null && updateField.OneOf is null)
                || (originalField.OneOf is not null && originalField.OneOf == updateField.OneOf))
            {
                continue;
            }

            using var scope = context.Enter(originalField.Number.ToString(CultureInfo.InvariantCulture));
            FieldDiff.Compare(context, originalField, updateField);
        }
    }

    private static void CompareOneOf(DiffContext context, List<FieldView> original, List<FieldView> update, HashSet<int> updateNumbers)
    {
        var originalByNumber = original.ToDictionary(f => f.Number);
        var updateByNumber = update.ToDictionary(f => f.Number);
        foreach (var number in originalByNumber.Keys.Union(updateByNumber.Keys).Order())
        {
            using var scope = context.Enter(number.ToString(CultureInfo.InvariantCulture));
            var originalField = originalByNumber.GetValueOrDefault(number);
            var updateField = updateByNumber.GetValueOrDefault(number);
            if (updateField is null)
            {
                // A field that left the oneof but is still in the message was moved, not removed.
                if (!updateNumbers.Contains(number))
                {
                    context.Add("ONEOF_FIELD_REMOVED");
                }
            }
            else if (originalField is null)
            {
                context.Add("ONEOF_FIELD_ADDED");
            }
            else
            {
                FieldDiff.Compare(context, originalField, updateField);
            }
        }
    }
}
