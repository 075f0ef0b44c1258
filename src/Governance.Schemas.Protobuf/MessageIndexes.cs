using Google.Protobuf.Reflection;

namespace Governance.Schemas.Protobuf;

/// <summary>
/// Message indexes of Confluent's Protobuf wire format (after the magic byte and schema id: a zigzag varint count,
/// then zigzag varint indexes; see Confluent's MessageIndexes): the path from the file to a message, each step the
/// position among the sibling messages. Map entry messages do not count, as they are not declared in the text.
/// </summary>
internal static class MessageIndexes
{
    public static IEnumerable<(string FullName, IReadOnlyList<int> Indexes)> AllMessages(FileDescriptorProto file)
    {
        var prefix = file.Package.Length > 0 ? file.Package + "." : "";
        return Walk(file.MessageType, prefix, []);
    }

    public static IReadOnlyList<int>? Of(FileDescriptorProto file, string fullName) =>
        AllMessages(file).Where(m => m.FullName == fullName.TrimStart('.')).Select(m => m.Indexes).FirstOrDefault();

    public static string? NameAt(FileDescriptorProto file, IReadOnlyList<int> indexes) =>
        AllMessages(file).Where(m => m.Indexes.SequenceEqual(indexes)).Select(m => m.FullName).FirstOrDefault();

    private static IEnumerable<(string, IReadOnlyList<int>)> Walk(IEnumerable<DescriptorProto> messages, string prefix, List<int> path)
    {
        var index = 0;
        foreach (var message in messages.Where(m => m.Options?.MapEntry != true))
        {
            List<int> indexes = [.. path, index++];
            var fullName = prefix + message.Name;
            yield return (fullName, indexes);
            foreach (var nested in Walk(message.NestedType, fullName + ".", indexes))
            {
                yield return nested;
            }
        }
    }
}
