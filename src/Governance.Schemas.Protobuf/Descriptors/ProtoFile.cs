using Google.Protobuf.Reflection;
using Governance.Schemas.Protobuf.Syntax;

namespace Governance.Schemas.Protobuf.Descriptors;

/// <summary>
/// One built <c>.proto</c> file: its syntax tree, its descriptor as protoc would produce it, the fully-qualified
/// name each named type in the tree resolved to, and the files it imports (built too).
/// </summary>
internal sealed record ProtoFile(
    string Name,
    string Text,
    ProtoFileElement Element,
    FileDescriptorProto Descriptor,
    IReadOnlyDictionary<object, string> ResolvedTypes,
    IReadOnlyList<ProtoFile> Dependencies)
{
    /// <summary>This file and every file it imports, transitively, each once, dependencies first.</summary>
    public IEnumerable<ProtoFile> SelfAndDependencies()
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var order = new List<ProtoFile>();
        Visit(this);
        return order;

        void Visit(ProtoFile file)
        {
            if (!seen.Add(file.Name))
            {
                return;
            }

            foreach (var dependency in file.Dependencies)
            {
                Visit(dependency);
            }

            order.Add(file);
        }
    }
}
