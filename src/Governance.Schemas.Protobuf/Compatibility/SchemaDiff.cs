using Google.Protobuf.Reflection;
using Governance.Schemas.Protobuf.Descriptors;

namespace Governance.Schemas.Protobuf.Compatibility;

/// <summary>
/// Compares two Protobuf schemas as Confluent's checker does (protobuf-provider diff/SchemaDiff): the package, then
/// messages and enums matched by name at each level, messages compared field by field matched by number.
/// Differences come out in a stable order (names and numbers sorted).
/// </summary>
internal static class SchemaDiff
{
    public static List<Difference> Compare(ProtoFile original, ProtoFile update)
    {
        var context = DiffContext.For(original, update);
        if (original.Descriptor.Package != update.Descriptor.Package)
        {
            context.Add("PACKAGE_CHANGED");
        }

        CompareTypes(
            context,
            new TypeList(original.Descriptor.MessageType, original.Descriptor.EnumType, original.Descriptor.Syntax == "proto3"),
            new TypeList(update.Descriptor.MessageType, update.Descriptor.EnumType, update.Descriptor.Syntax == "proto3"));
        return context.Differences;
    }

    /// <summary>The messages (map entries left out, as in the schema text) and enums declared at one level.</summary>
    internal sealed record TypeList(IEnumerable<DescriptorProto> Messages, IEnumerable<EnumDescriptorProto> Enums, bool Proto3)
    {
        public List<DescriptorProto> DeclaredMessages => [.. Messages.Where(m => m.Options?.MapEntry != true)];
    }

    public static void CompareTypes(DiffContext context, TypeList original, TypeList update)
    {
        var originalMessages = original.DeclaredMessages;
        var updateMessages = update.DeclaredMessages;
        var names = originalMessages.Select(m => m.Name).Union(updateMessages.Select(m => m.Name)).Order(StringComparer.Ordinal);
        foreach (var name in names)
        {
            using var scope = context.Enter(name);
            var originalIndex = originalMessages.FindIndex(m => m.Name == name);
            var updateIndex = updateMessages.FindIndex(m => m.Name == name);
            if (updateIndex < 0)
            {
                context.Add("MESSAGE_REMOVED");
            }
            else if (originalIndex < 0)
            {
                context.Add("MESSAGE_ADDED");
            }
            else
            {
                MessageDiff.Compare(context, originalMessages[originalIndex], updateMessages[updateIndex], original.Proto3, update.Proto3);

                // Moving a message is compatible: serialized message indexes refer to the schema of their own id.
                if (originalIndex != updateIndex)
                {
                    context.Add("MESSAGE_MOVED");
                }
            }
        }

        var originalEnums = original.Enums.ToList();
        var updateEnums = update.Enums.ToList();
        foreach (var name in originalEnums.Select(e => e.Name).Union(updateEnums.Select(e => e.Name)).Order(StringComparer.Ordinal))
        {
            using var scope = context.Enter(name);
            var originalEnum = originalEnums.Find(e => e.Name == name);
            var updateEnum = updateEnums.Find(e => e.Name == name);
            if (updateEnum is null)
            {
                context.Add("ENUM_REMOVED");
            }
            else if (originalEnum is null)
            {
                context.Add("ENUM_ADDED");
            }
            else
            {
                CompareEnums(context, originalEnum, updateEnum);
            }
        }
    }

    // Enum values are matched by number; with aliases the last value declared for a number stands for it.
    private static void CompareEnums(DiffContext context, EnumDescriptorProto original, EnumDescriptorProto update)
    {
        var originalByNumber = original.Value.GroupBy(v => v.Number).ToDictionary(g => g.Key, g => g.Last().Name);
        var updateByNumber = update.Value.GroupBy(v => v.Number).ToDictionary(g => g.Key, g => g.Last().Name);
        foreach (var number in originalByNumber.Keys.Union(updateByNumber.Keys).Order())
        {
            using var scope = context.Enter(number.ToString(System.Globalization.CultureInfo.InvariantCulture));
            if (!updateByNumber.TryGetValue(number, out var updateName))
            {
                context.Add("ENUM_CONST_REMOVED");
            }
            else if (!originalByNumber.TryGetValue(number, out var originalName))
            {
                context.Add("ENUM_CONST_ADDED");
            }
            else if (originalName != updateName)
            {
                context.Add("ENUM_CONST_CHANGED");
            }
        }
    }
}
