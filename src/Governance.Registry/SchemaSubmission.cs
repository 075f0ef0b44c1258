namespace Governance.Registry;

/// <summary>
/// A schema as a client submits it to register, look up or test: Confluent's <c>RegisterSchemaRequest</c>.
/// </summary>
/// <param name="Schema">The schema text.</param>
/// <param name="SchemaType"><c>AVRO</c> (also when null), <c>PROTOBUF</c> or <c>JSON</c>.</param>
/// <param name="References">References to schemas registered under other subjects.</param>
/// <param name="MetadataJson">Confluent's <c>metadata</c> object as raw JSON, or null. Stored and returned as given; part of the schema's identity.</param>
/// <param name="RuleSetJson">Confluent's <c>ruleSet</c> object as raw JSON, or null. Stored and returned as given; part of the schema's identity.</param>
/// <param name="Id">The id to register under; only honoured in IMPORT mode.</param>
/// <param name="Version">The version to register as; only honoured in IMPORT mode.</param>
public sealed record SchemaSubmission(
    string Schema,
    string? SchemaType = null,
    IReadOnlyList<SchemaReference>? References = null,
    string? MetadataJson = null,
    string? RuleSetJson = null,
    int? Id = null,
    int? Version = null);
