namespace Governance.Schemas.Avro.Model;

/// <summary>A record, enum or fixed: a type with a full name, an optional doc and aliases.</summary>
public abstract class AvroNamedType(
    AvroName name,
    string? doc,
    IReadOnlyList<AvroName> aliases,
    IReadOnlyList<AvroProperty> properties,
    AvroLogicalType? logicalType)
    : AvroType(properties, logicalType)
{
    public AvroName Name { get; } = name;

    public string FullName => Name.FullName;

    public string? Doc { get; } = doc;

    public IReadOnlyList<AvroName> Aliases { get; } = aliases;

    public override string UnionBranchName => FullName;

    /// <summary>
    /// The aliases as Java's <c>getAliases()</c> lists them: full names, and <c>.name</c> for an alias explicitly in the
    /// null namespace when this type has a namespace.
    /// </summary>
    public IEnumerable<string> AliasFullNames =>
        Aliases.Select(a => a.Namespace is null && Name.Namespace is not null ? "." + a.Name : a.FullName);
}

public sealed class AvroEnumType(
    AvroName name,
    string? doc,
    IReadOnlyList<AvroName> aliases,
    IReadOnlyList<string> symbols,
    string? defaultSymbol,
    IReadOnlyList<AvroProperty> properties,
    AvroLogicalType? logicalType)
    : AvroNamedType(name, doc, aliases, properties, logicalType)
{
    private HashSet<string>? _symbolSet;

    public override AvroTypeKind Kind => AvroTypeKind.Enum;

    public IReadOnlyList<string> Symbols { get; } = symbols;

    /// <summary>The symbol a reader uses for a writer's symbol it does not know; null when none is declared.</summary>
    public string? Default { get; } = defaultSymbol;

    /// <summary>Whether this enum has the symbol; looked up in a set built once, on first use (the enum never changes).</summary>
    public bool HasSymbol(string symbol) => (_symbolSet ?? IndexSymbols()).Contains(symbol);

    private HashSet<string> IndexSymbols()
    {
        var set = new HashSet<string>(Symbols, StringComparer.Ordinal);

        // Threads racing here build equal sets; whichever is published first is kept.
        return Interlocked.CompareExchange(ref _symbolSet, set, null) ?? set;
    }
}

public sealed class AvroFixedType(
    AvroName name,
    string? doc,
    IReadOnlyList<AvroName> aliases,
    int size,
    IReadOnlyList<AvroProperty> properties,
    AvroLogicalType? logicalType)
    : AvroNamedType(name, doc, aliases, properties, logicalType)
{
    public override AvroTypeKind Kind => AvroTypeKind.Fixed;

    public int Size { get; } = size;
}

/// <summary>A record (or <c>error</c>). Its fields are set once, after the record's name is known, so fields can refer to it.</summary>
public sealed class AvroRecordType(
    AvroName name,
    string? doc,
    IReadOnlyList<AvroName> aliases,
    bool isError,
    IReadOnlyList<AvroProperty> properties)
    : AvroNamedType(name, doc, aliases, properties, null)
{
    private IReadOnlyList<AvroField>? _fields;
    private Dictionary<string, AvroField>? _fieldsByName;

    public override AvroTypeKind Kind => AvroTypeKind.Record;

    public bool IsError { get; } = isError;

    public IReadOnlyList<AvroField> Fields => _fields ?? throw new InvalidOperationException($"The fields of {FullName} are not parsed yet.");

    /// <summary>False while the record's own fields are being parsed (a default inside it cannot be checked against it yet).</summary>
    internal bool HasFields => _fields is not null;

    internal void SetFields(IReadOnlyList<AvroField> fields)
    {
        if (_fields is not null)
        {
            throw new InvalidOperationException($"The fields of {FullName} are already set.");
        }

        _fields = fields;
    }

    /// <summary>The field with this name, or null; looked up in an index built once, on first use (the record never changes).</summary>
    public AvroField? FindField(string fieldName) =>
        (_fieldsByName ?? IndexFieldsByName()).GetValueOrDefault(fieldName);

    private Dictionary<string, AvroField> IndexFieldsByName()
    {
        var index = new Dictionary<string, AvroField>(Fields.Count, StringComparer.Ordinal);
        foreach (var field in Fields)
        {
            // The first field of a name wins, as a scan in order would find it.
            index.TryAdd(field.Name, field);
        }

        // Threads racing here build equal indexes; whichever is published first is kept.
        return Interlocked.CompareExchange(ref _fieldsByName, index, null) ?? index;
    }
}
