namespace Governance.Schemas.Avro.Model;

/// <summary>One node of a parsed Avro schema. Named types are shared: every reference to a name is the same instance.</summary>
public abstract class AvroType
{
    protected AvroType(IReadOnlyList<AvroProperty> properties, AvroLogicalType? logicalType)
    {
        Properties = properties;
        LogicalType = logicalType;
    }

    public abstract AvroTypeKind Kind { get; }

    /// <summary>Custom attributes in the order they were written (including <c>logicalType</c>, <c>precision</c>...).</summary>
    public IReadOnlyList<AvroProperty> Properties { get; }

    /// <summary>The logical type, or null when there is none or it is invalid (then the underlying type is used, as Java does).</summary>
    public AvroLogicalType? LogicalType { get; }

    /// <summary>The name a union uses to tell its branches apart: the full name of a named type, else the type's name.</summary>
    public virtual string UnionBranchName => Kind.SchemaName();
}

public sealed class AvroPrimitiveType(AvroTypeKind kind, IReadOnlyList<AvroProperty> properties, AvroLogicalType? logicalType)
    : AvroType(properties, logicalType)
{
    public override AvroTypeKind Kind { get; } = kind;
}

public sealed class AvroArrayType(AvroType items, IReadOnlyList<AvroProperty> properties, AvroLogicalType? logicalType)
    : AvroType(properties, logicalType)
{
    public override AvroTypeKind Kind => AvroTypeKind.Array;

    public AvroType Items { get; } = items;
}

public sealed class AvroMapType(AvroType values, IReadOnlyList<AvroProperty> properties, AvroLogicalType? logicalType)
    : AvroType(properties, logicalType)
{
    public override AvroTypeKind Kind => AvroTypeKind.Map;

    public AvroType Values { get; } = values;
}

public sealed class AvroUnionType(IReadOnlyList<AvroType> branches) : AvroType([], null)
{
    public override AvroTypeKind Kind => AvroTypeKind.Union;

    public IReadOnlyList<AvroType> Branches { get; } = branches;
}
