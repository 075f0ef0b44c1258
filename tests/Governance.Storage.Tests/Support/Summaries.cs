using Governance.Registry;

namespace Governance.Storage.Tests.Support;

/// <summary>Value-comparable views of the registry's answers (their records hold lists, which compare by reference).</summary>
public static class Summaries
{
    public static string Summary(this SubjectVersion version) =>
        $"{version.Subject} v{version.Version} id {version.Schema.Id}{(version.Deleted ? " deleted" : string.Empty)}: {version.Schema.Summary()}";

    public static string Summary(this RegisteredSchema schema) =>
        $"{schema.SchemaType} {schema.Schema} refs [{string.Join(", ", schema.References)}] metadata {schema.MetadataJson ?? "null"} ruleSet {schema.RuleSetJson ?? "null"}";
}
