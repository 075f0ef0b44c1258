using Governance.Schemas;

namespace Governance.Registry.Tests;

/// <summary>A schema whose compatibility answers are scripted: it reads every writer except those it is told it cannot.</summary>
internal sealed class StubSchema(string text, string schemaType = "STUB") : ParsedSchema
{
    private readonly Dictionary<string, string> _cannotRead = [];

    public override string SchemaType => schemaType;

    public override string CanonicalText => text;

    /// <summary>Scripts that this schema, as the reader, cannot read data written with <paramref name="writer"/>.</summary>
    public StubSchema CannotRead(StubSchema writer, string message)
    {
        _cannotRead[writer.CanonicalText] = message;
        return this;
    }

    public override ParsedSchema Normalize() => this;

    public override IReadOnlyList<CompatibilityIssue> CheckBackwardCompatibility(ParsedSchema previous) =>
        _cannotRead.TryGetValue(previous.CanonicalText, out var message) ? [new CompatibilityIssue("SCRIPTED", "/", message)] : [];

    public override IReadOnlyList<SchemaChange> DiffFrom(ParsedSchema previous) => [];
}
