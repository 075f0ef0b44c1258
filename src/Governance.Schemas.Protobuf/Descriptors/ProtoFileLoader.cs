using System.Collections.Concurrent;
using Google.Protobuf;
using Google.Protobuf.Reflection;
using Governance.Schemas.Protobuf.Syntax;

namespace Governance.Schemas.Protobuf.Descriptors;

/// <summary>
/// Builds a schema and, on demand, the files it imports: from the schema references by import path, else from the
/// bundled files. Each file is built once per load. Text that is not valid <c>.proto</c> but is base64 of a serialized
/// <see cref="FileDescriptorProto"/> is accepted, as Confluent accepts it.
/// </summary>
internal sealed class ProtoFileLoader
{
    /// <summary>The file name a schema gets when it is built as the root of a load.</summary>
    public const string RootName = "schema.proto";

    /// <summary>
    /// Bundled files built once per process: they are immutable and import only each other, so a build is reusable
    /// whenever no reference replaces a bundled file. descriptor.proto alone takes milliseconds to build.
    /// </summary>
    private static readonly ConcurrentDictionary<string, ProtoFile> BundledCache = new(StringComparer.Ordinal);

    private readonly Dictionary<string, string> _references;
    private readonly SchemaLimits _limits;
    private readonly bool _bundledCacheUsable;
    private readonly Dictionary<string, ProtoFile> _built = new(StringComparer.Ordinal);
    private readonly HashSet<string> _building = new(StringComparer.Ordinal);

    /// <param name="limits">How deep each file's blocks and option values may nest.</param>
    public ProtoFileLoader(IReadOnlyList<SchemaReferenceContent> references, SchemaLimits limits)
    {
        _limits = limits;
        _references = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var reference in references)
        {
            _references[reference.Name] = reference.SchemaText;
        }

        _bundledCacheUsable = !_references.Keys.Any(name => BundledFiles.Find(name) is not null);
    }

    public ProtoFile LoadRoot(string text) => Build(RootName, text);

    private ProtoFile? Load(string importPath)
    {
        if (_built.TryGetValue(importPath, out var built))
        {
            return built;
        }

        var reference = _references.GetValueOrDefault(importPath);
        if (reference is null && _bundledCacheUsable && BundledCache.TryGetValue(importPath, out var cached))
        {
            return _built[importPath] = cached;
        }

        var text = reference ?? BundledFiles.Find(importPath);
        if (text is null)
        {
            return null;
        }

        if (!_building.Add(importPath))
        {
            throw new InvalidSchemaException($"import cycle through \"{importPath}\"");
        }

        try
        {
            var file = _built[importPath] = Build(importPath, text);
            if (reference is null && _bundledCacheUsable)
            {
                BundledCache.TryAdd(importPath, file);
            }

            return file;
        }
        catch (ProtoSchemaException e)
        {
            throw new InvalidSchemaException($"in imported file \"{importPath}\": {e.Message}", e);
        }
        finally
        {
            _building.Remove(importPath);
        }
    }

    private ProtoFile Build(string name, string text)
    {
        ProtoFileElement element;
        try
        {
            element = ProtoParser.Parse(text, _limits);
        }
        catch (ProtoSchemaException) when (TryDecodeDescriptor(text) is { } descriptor)
        {
            // Built from its text form to resolve and check it, but the submitted descriptor is kept as it came,
            // custom options included (they do not survive the text form).
            element = ElementsFromDescriptor.Convert(descriptor);
            text = Printing.SchemaPrinter.Print(new ProtoFile(name, text, element, descriptor, new Dictionary<object, string>(), []), normalize: false);
            var built = DescriptorBuilder.Build(name, text, element, Load);
            var submitted = descriptor.Clone();
            submitted.Name = name;
            return built with { Descriptor = submitted };
        }

        return DescriptorBuilder.Build(name, text, element, Load);
    }

    private static FileDescriptorProto? TryDecodeDescriptor(string text)
    {
        var trimmed = text.Trim();
        var buffer = new byte[trimmed.Length];
        if (trimmed.Length == 0 || !Convert.TryFromBase64String(trimmed, buffer, out var length))
        {
            return null;
        }

        try
        {
            return FileDescriptorProto.Parser.ParseFrom(buffer, 0, length);
        }
        catch (InvalidProtocolBufferException)
        {
            return null;
        }
    }
}
