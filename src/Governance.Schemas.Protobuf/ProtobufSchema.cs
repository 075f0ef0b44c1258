using Google.Protobuf;
using Google.Protobuf.Reflection;
using Governance.Schemas.Protobuf.Compatibility;
using Governance.Schemas.Protobuf.Descriptors;
using Governance.Schemas.Protobuf.Printing;

namespace Governance.Schemas.Protobuf;

/// <summary>
/// A parsed Protobuf schema: its descriptor (as protoc makes it), Confluent's canonical text, normalization,
/// compatibility and the message indexes of Confluent's wire format.
/// </summary>
public sealed class ProtobufSchema : ParsedSchema
{
    private readonly ProtoFile _file;
    private readonly IReadOnlyList<SchemaReferenceContent> _references;
    private readonly ProtobufFormat _format;

    /// <param name="format">The format that parsed it, with its limits, which parses the normalized form too.</param>
    internal ProtobufSchema(ProtoFile file, IReadOnlyList<SchemaReferenceContent> references, ProtobufFormat format)
    {
        _file = file;
        _references = references;
        _format = format;
        CanonicalText = SchemaPrinter.Print(file, normalize: false);
        MessageNames = [.. MessageIndexes.AllMessages(file.Descriptor).Select(m => m.FullName)];
    }

    public override string SchemaType => ProtobufFormat.Type;

    internal ProtoFile File => _file;

    public override string CanonicalText { get; }

    /// <summary>The file's descriptor, as <c>protoc --descriptor_set_out</c> writes it (no source info).</summary>
    public FileDescriptorProto Descriptor => _file.Descriptor.Clone();

    /// <summary>Every message's full name, depth first in declaration order (map entry messages left out).</summary>
    public IReadOnlyList<string> MessageNames { get; }

    /// <summary>
    /// The message indexes of Confluent's wire format for <paramref name="messageFullName"/>: the position of each
    /// enclosing message among its siblings, outermost first (<c>[0]</c> for the first top-level message).
    /// </summary>
    /// <exception cref="ArgumentException">No message of that name is declared in this schema.</exception>
    public IReadOnlyList<int> MessageIndexesOf(string messageFullName) =>
        MessageIndexes.Of(_file.Descriptor, messageFullName)
        ?? throw new ArgumentException($"no message named \"{messageFullName}\" in this schema", nameof(messageFullName));

    /// <summary>The full name of the message that <paramref name="indexes"/> point to, or null when they point nowhere.</summary>
    public string? MessageNameAt(IReadOnlyList<int> indexes) => MessageIndexes.NameAt(_file.Descriptor, indexes);

    public override ParsedSchema Normalize() =>
        _format.Parse(SchemaPrinter.Print(_file, normalize: true), _references);

    /// <summary><c>serialized</c>: base64 of the serialized FileDescriptorProto, as Confluent's <c>format=serialized</c>.</summary>
    public override string? FormatAs(string format) =>
        string.Equals(format, "serialized", StringComparison.OrdinalIgnoreCase)
            ? Convert.ToBase64String(_file.Descriptor.ToByteArray())
            : null;

    public override IReadOnlyList<CompatibilityIssue> CheckBackwardCompatibility(ParsedSchema previous)
    {
        ArgumentNullException.ThrowIfNull(previous);
        if (previous is not ProtobufSchema old)
        {
            return [new CompatibilityIssue("SCHEMA_TYPE_CHANGED", "#/", "Incompatible because of different schema type")];
        }

        return [.. SchemaDiff.Compare(old._file, _file)
            .Where(d => !d.IsCompatible)
            .Select(d => new CompatibilityIssue(d.Kind, d.Path, d.VerboseMessage("new", "old")))];
    }

    public override IReadOnlyList<SchemaChange> DiffFrom(ParsedSchema previous)
    {
        ArgumentNullException.ThrowIfNull(previous);
        if (previous is not ProtobufSchema old)
        {
            return [new SchemaChange("SCHEMA_TYPE_CHANGED", "#/", $"The schema type changed from {previous.SchemaType} to {SchemaType}", true, true)];
        }

        // Forward compatibility is the backward check with the roles swapped; a change breaks it when the swapped
        // comparison finds an incompatible difference at the same place.
        var forward = SchemaDiff.Compare(old._file, _file);
        var reverse = SchemaDiff.Compare(_file, old._file);
        var reverseBreaks = reverse.Where(d => !d.IsCompatible).ToLookup(d => d.Path);
        var changes = forward
            .Select(d => new SchemaChange(d.Kind, d.Path, d.Explain(), !d.IsCompatible, reverseBreaks.Contains(d.Path)))
            .ToList();
        var forwardPaths = forward.Select(d => d.Path).ToHashSet(StringComparer.Ordinal);
        changes.AddRange(reverse
            .Where(d => !d.IsCompatible && !forwardPaths.Contains(d.Path))
            .Select(d => new SchemaChange(d.Kind, d.Path, d.Describe("old", "new"), false, true)));
        return changes;
    }
}
