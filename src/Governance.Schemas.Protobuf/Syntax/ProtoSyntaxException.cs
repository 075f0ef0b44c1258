namespace Governance.Schemas.Protobuf.Syntax;

/// <summary>Bad <c>.proto</c> text at a known place; becomes an <see cref="InvalidSchemaException"/> at the format boundary.</summary>
internal sealed class ProtoSyntaxException(int line, int column, string problem)
    : Exception($"line {line}, column {column}: {problem}")
{
    public int Line { get; } = line;

    public int Column { get; } = column;
}
