namespace Governance.Schemas.Protobuf.Syntax;

/// <summary>
/// A <c>.proto</c> file that is malformed or invalid (a syntax error, an unresolved name, a number used twice...) at a
/// known line and column; becomes an <see cref="InvalidSchemaException"/> at the format boundary.
/// </summary>
internal sealed class ProtoSchemaException(int line, int column, string problem)
    : Exception($"line {line}, column {column}: {problem}");
