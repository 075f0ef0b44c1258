namespace Governance.Schemas;

/// <summary>
/// Bounds every format puts on a schema before any algorithm walks it, so that no schema text, however built, can exhaust
/// the stack or the processor: parsing refuses what is beyond them with an <see cref="InvalidSchemaException"/> naming the
/// limit. The host sets them from configuration (<c>Governance:Registry:MaxNestingDepth</c>).
/// </summary>
public sealed record SchemaLimits
{
    /// <summary>Far beyond real schemas (protoc itself refuses messages nested 32 deep) and well within the stack.</summary>
    public const int DefaultMaxNestingDepth = 256;

    public static SchemaLimits Default { get; } = new();

    /// <summary>
    /// How deep brackets may nest in schema text: JSON objects and arrays for Avro and JSON Schema; blocks (messages, enums,
    /// oneofs, groups, services, extends) and option values for Protobuf. Applies to every referenced schema too.
    /// </summary>
    public int MaxNestingDepth
    {
        get;
        init => field = value > 0 ? value : throw new ArgumentOutOfRangeException(nameof(MaxNestingDepth), value, "must be positive");
    } = DefaultMaxNestingDepth;

    /// <summary>What is wrong with a schema that nests deeper than <see cref="MaxNestingDepth"/>.</summary>
    public string NestingTooDeepProblem => $"nesting deeper than the maximum nesting depth of {MaxNestingDepth} (MaxNestingDepth)";

    /// <summary>The refusal of a schema that nests deeper than <see cref="MaxNestingDepth"/>; <paramref name="where"/> says where it went beyond.</summary>
    public InvalidSchemaException NestingTooDeep(string where) => new($"{where}: {NestingTooDeepProblem}");
}
