namespace Governance.Schemas.Protobuf.Syntax;

// The syntax tree of one .proto file, kept close to the text (type names as written, map fields as map<K, V>, oneof
// members in place) because Confluent's canonical text is printed from such a tree, not from the descriptor.
// Every declaration carries its 1-based line and column, and a sequence number giving its place in declaration order.

internal enum ImportKind
{
    Normal,
    Public,
    Weak,
}

internal enum FieldLabel
{
    None,
    Optional,
    Required,
    Repeated,
}

internal enum OptionValueKind
{
    Identifier,
    String,
    Integer,
    Float,
    Aggregate,
    List,
}

internal sealed record ProtoFileElement(
    string? Syntax,
    string? Edition,
    string? PackageName,
    List<ImportElement> Imports,
    List<OptionElement> Options,
    List<TypeElement> Types,
    List<ExtendElement> Extends,
    List<ServiceElement> Services);

internal sealed record ImportElement(string Path, ImportKind Kind, int Line, int Column);

/// <summary>An option as written: <paramref name="Name"/> is the option name text, e.g. <c>java_package</c>, <c>(my.opt).sub</c>.</summary>
internal sealed record OptionElement(string Name, OptionValue Value, int Line, int Column);

/// <summary>
/// An option value. Scalars keep their source text (numbers with their sign); strings keep their unescaped bytes;
/// aggregates (text format between braces) keep their fields; lists keep their items.
/// </summary>
internal sealed record OptionValue(
    OptionValueKind Kind,
    string Text,
    int Line,
    int Column,
    byte[]? Bytes = null,
    List<AggregateField>? Fields = null,
    List<OptionValue>? Items = null);

/// <summary>One <c>name: value</c> of a text-format aggregate; <paramref name="Name"/> is <c>[ext.name]</c> for an extension.</summary>
internal sealed record AggregateField(string Name, OptionValue Value);

internal abstract record TypeElement(string Name, int Line, int Column, int Sequence, List<OptionElement> Options);

internal sealed record MessageElement(
    string Name,
    int Line,
    int Column,
    int Sequence,
    List<OptionElement> Options,
    List<FieldElement> Fields,
    List<OneOfElement> OneOfs,
    List<TypeElement> NestedTypes,
    List<ReservedElement> Reserveds,
    List<ExtensionsElement> ExtensionRanges,
    List<ExtendElement> Extends)
    : TypeElement(Name, Line, Column, Sequence, Options);

/// <summary>
/// A field. <paramref name="Type"/> is the type as written (<c>string</c>, <c>.pkg.Msg</c>, <c>Msg</c>); a map field has
/// <paramref name="MapKey"/> and <paramref name="MapValue"/> set and <paramref name="Type"/> <c>map&lt;K, V&gt;</c>; a group has
/// <paramref name="Group"/>. <paramref name="OneOf"/> indexes the enclosing message's oneofs.
/// </summary>
internal sealed record FieldElement(
    FieldLabel Label,
    string Type,
    string Name,
    int Number,
    List<OptionElement> Options,
    OptionValue? DefaultValue,
    string? JsonName,
    int? OneOf,
    int Sequence,
    int Line,
    int Column,
    string? MapKey = null,
    string? MapValue = null,
    MessageElement? Group = null);

internal sealed record OneOfElement(string Name, List<OptionElement> Options, int Line, int Column);

internal sealed record EnumElement(
    string Name,
    int Line,
    int Column,
    int Sequence,
    List<OptionElement> Options,
    List<EnumConstantElement> Constants,
    List<ReservedElement> Reserveds)
    : TypeElement(Name, Line, Column, Sequence, Options);

internal sealed record EnumConstantElement(string Name, int Number, List<OptionElement> Options, int Line, int Column);

/// <summary>A number range with an inclusive end, as written in <c>reserved</c> and <c>extensions</c>.</summary>
internal sealed record NumberRange(int Start, int End);

/// <summary>One <c>reserved</c> statement: numbers and ranges, or names.</summary>
internal sealed record ReservedElement(List<NumberRange> Ranges, List<string> Names, int Line, int Column);

internal sealed record ExtensionsElement(List<NumberRange> Ranges, List<OptionElement> Options, int Line, int Column);

internal sealed record ExtendElement(string Extendee, List<FieldElement> Fields, int Sequence, int Line, int Column);

internal sealed record ServiceElement(string Name, List<OptionElement> Options, List<RpcElement> Rpcs, int Line, int Column);

/// <summary>An rpc; <paramref name="HasBody"/> when written with braces, which gives it (possibly empty) options in protoc.</summary>
internal sealed record RpcElement(
    string Name,
    string RequestType,
    bool RequestStreaming,
    string ResponseType,
    bool ResponseStreaming,
    List<OptionElement> Options,
    bool HasBody,
    int Line,
    int Column);
