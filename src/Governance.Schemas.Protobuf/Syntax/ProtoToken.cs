namespace Governance.Schemas.Protobuf.Syntax;

/// <summary>The kinds of lexical token in the protobuf language specification.</summary>
internal enum ProtoTokenKind
{
    Identifier,
    Integer,
    Float,
    String,
    Symbol,
    End,
}

/// <summary>
/// One token of <c>.proto</c> text with the 1-based line and column where it starts.
/// For strings, <see cref="Text"/> is the raw source between the quotes and <see cref="StringBytes"/> the unescaped bytes.
/// </summary>
internal sealed record ProtoToken(ProtoTokenKind Kind, string Text, int Line, int Column, byte[]? StringBytes = null)
{
    public bool Is(string symbolOrWord) =>
        (Kind == ProtoTokenKind.Symbol || Kind == ProtoTokenKind.Identifier) && Text == symbolOrWord;

    public override string ToString() => Kind == ProtoTokenKind.End ? "end of input" : $"'{Text}'";
}
