using Google.Protobuf.Reflection;
using Governance.Schemas.Protobuf.Descriptors;

namespace Governance.Schemas.Protobuf.Compatibility;

/// <summary>A message or enum known to one side of a comparison, with the package and source file it came from.</summary>
/// <param name="Source">Identifies where the type is defined: <c>""</c> for the schema itself, the reference name and text
/// for a referenced file, null for a bundled file (as Confluent has no reference for those).</param>
internal sealed record TypeInfo(string Package, DescriptorProto? Message, EnumDescriptorProto? Enum, string? Source, bool Proto3)
{
    public bool IsMap => Message?.Options?.MapEntry == true;
}

/// <summary>
/// The state of one comparison, as in Confluent's diff/Context: the types of both sides by full name, the current path
/// (<c>#/Message/field</c>), the messages being compared (to stop on recursive types) and the differences found.
/// </summary>
internal sealed class DiffContext
{
    private readonly List<string> _path = [];
    private readonly HashSet<DescriptorProto> _inProgress = new(ReferenceEqualityComparer.Instance);

    private DiffContext(IReadOnlyDictionary<string, TypeInfo> original, IReadOnlyDictionary<string, TypeInfo> update)
    {
        Original = original;
        Update = update;
    }

    public IReadOnlyDictionary<string, TypeInfo> Original { get; }

    public IReadOnlyDictionary<string, TypeInfo> Update { get; }

    public List<Difference> Differences { get; } = [];

    public bool IsCompatible => Differences.All(d => d.IsCompatible);

    public static DiffContext For(ProtoFile original, ProtoFile update) => new(CollectTypes(original), CollectTypes(update));

    /// <summary>A fresh context over the same types whose path starts at <paramref name="localName"/>'s parts.</summary>
    public DiffContext Subcontext(string localName)
    {
        var sub = new DiffContext(Original, Update);
        sub._inProgress.UnionWith(_inProgress);
        sub._path.AddRange(localName.Split('.'));
        return sub;
    }

    public TypeInfo? Type(string typeName, bool original)
    {
        var types = original ? Original : Update;
        return types.GetValueOrDefault(typeName.TrimStart('.'));
    }

    public void Add(string kind) => Differences.Add(new Difference(kind, "#/" + string.Join('/', _path)));

    public Scope Enter(string segment)
    {
        _path.Add(segment);
        return new Scope(() => _path.RemoveAt(_path.Count - 1));
    }

    /// <summary>Null when <paramref name="message"/> is already being compared further up (a recursive type).</summary>
    public Scope? EnterMessage(DescriptorProto message) =>
        _inProgress.Add(message) ? new Scope(() => _inProgress.Remove(message)) : null;

    private static Dictionary<string, TypeInfo> CollectTypes(ProtoFile root)
    {
        var types = new Dictionary<string, TypeInfo>(StringComparer.Ordinal);
        var referenced = root.SelfAndDependencies().Where(f => f != root);
        foreach (var file in referenced.Append(root))
        {
            var source = file == root ? "" : BundledFiles.Find(file.Name) == file.Text ? null : file.Name + "\n" + file.Text;
            var package = file.Descriptor.Package;
            var proto3 = file.Descriptor.Syntax == "proto3";
            var prefix = package.Length > 0 ? package + "." : "";
            foreach (var message in file.Descriptor.MessageType)
            {
                AddMessage(types, prefix + message.Name, message, package, source, proto3);
            }

            foreach (var enumType in file.Descriptor.EnumType)
            {
                types[prefix + enumType.Name] = new TypeInfo(package, null, enumType, source, proto3);
            }
        }

        return types;
    }

    private static void AddMessage(Dictionary<string, TypeInfo> types, string fullName, DescriptorProto message, string package, string? source, bool proto3)
    {
        types[fullName] = new TypeInfo(package, message, null, source, proto3);
        foreach (var nested in message.NestedType)
        {
            AddMessage(types, fullName + "." + nested.Name, nested, package, source, proto3);
        }

        foreach (var enumType in message.EnumType)
        {
            types[fullName + "." + enumType.Name] = new TypeInfo(package, null, enumType, source, proto3);
        }
    }

    public sealed class Scope(Action exit) : IDisposable
    {
        public void Dispose() => exit();
    }
}
