using System.Text.Json;
using System.Text.Json.Nodes;
using Governance.Schemas;

namespace Governance.Storage.Tests.Support;

/// <summary>
/// A minimal schema format for testing the registry where the format does not matter: a schema is a JSON object
/// <c>{"fields": {"name": "type", ...}}</c>; a type ending in <c>?</c> has a default, and <c>ref:Name</c> names a
/// referenced schema. A reader without a default for a field the writer lacks, or a field whose type changed, is
/// incompatible, with messages in Confluent's Avro wording (including its <c>%s</c> role placeholders).
/// </summary>
public sealed class FieldsFormat : ISchemaFormat
{
    public const string Type = "FIELDS";

    public string SchemaType => Type;

    public ParsedSchema Parse(string schemaText, IReadOnlyList<SchemaReferenceContent> references)
    {
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(schemaText);
        }
        catch (JsonException e)
        {
            throw new InvalidSchemaException($"not JSON: {e.Message}");
        }

        if (root is not JsonObject schema || schema["fields"] is not JsonObject fields)
        {
            throw new InvalidSchemaException("expected an object with \"fields\" at /");
        }

        var parsed = new List<(string Name, string Type)>();
        foreach (var (name, value) in fields)
        {
            if (value is not JsonValue type || !type.TryGetValue<string>(out var typeName))
            {
                throw new InvalidSchemaException($"the type of field '{name}' is not a string at /fields/{name}");
            }

            if (typeName.StartsWith("ref:", StringComparison.Ordinal) && !references.Any(r => r.Name == typeName[4..]))
            {
                throw new InvalidSchemaException($"unknown type '{typeName[4..]}' at /fields/{name}");
            }

            parsed.Add((name, typeName));
        }

        return new FieldsSchema(parsed);
    }

    private sealed class FieldsSchema(IReadOnlyList<(string Name, string Type)> fields) : ParsedSchema
    {
        private IReadOnlyList<(string Name, string Type)> Fields => fields;

        public override string SchemaType => Type;

        public override string CanonicalText =>
            new JsonObject { ["fields"] = new JsonObject(fields.Select(f => KeyValuePair.Create(f.Name, (JsonNode?)f.Type))) }.ToJsonString();

        public override ParsedSchema Normalize() => new FieldsSchema([.. fields.OrderBy(f => f.Name, StringComparer.Ordinal)]);

        public override IReadOnlyList<CompatibilityIssue> CheckBackwardCompatibility(ParsedSchema previous)
        {
            if (previous is not FieldsSchema writer)
            {
                return [new CompatibilityIssue("TYPE_MISMATCH", "/", "Incompatible because of different schema type")];
            }

            var issues = new List<CompatibilityIssue>();
            foreach (var (name, type) in fields)
            {
                var written = writer.Find(name);
                if (written is null && !type.EndsWith('?'))
                {
                    issues.Add(new CompatibilityIssue(
                        "READER_FIELD_MISSING_DEFAULT_VALUE",
                        $"/fields/{name}",
                        $"{{errorType:'READER_FIELD_MISSING_DEFAULT_VALUE', description:'The field '{name}' at path '/fields/{name}' in the %s schema has no default value and is missing in the %s schema', additionalInfo:'{name}'}}"));
                }
                else if (written is not null && written.TrimEnd('?') != type.TrimEnd('?'))
                {
                    issues.Add(new CompatibilityIssue(
                        "TYPE_MISMATCH",
                        $"/fields/{name}",
                        $"{{errorType:'TYPE_MISMATCH', description:'The type (path '/fields/{name}') of a field in the %s schema does not match with the %s schema', additionalInfo:'reader type: {type} not compatible with writer type: {written}'}}"));
                }
            }

            return issues;
        }

        public override IReadOnlyList<SchemaChange> DiffFrom(ParsedSchema previous)
        {
            var old = (FieldsSchema)previous;
            var changes = new List<SchemaChange>();
            foreach (var (name, type) in fields)
            {
                var before = old.Find(name);
                if (before is null)
                {
                    changes.Add(new SchemaChange("FIELD_ADDED", $"/fields/{name}", $"field {name} added", !type.EndsWith('?'), false));
                }
                else if (before != type)
                {
                    changes.Add(new SchemaChange("FIELD_TYPE_CHANGED", $"/fields/{name}", $"field {name}: {before} -> {type}", true, true));
                }
            }

            changes.AddRange(old.Fields
                .Where(f => Find(f.Name) is null)
                .Select(f => new SchemaChange("FIELD_REMOVED", $"/fields/{f.Name}", $"field {f.Name} removed", false, !f.Type.EndsWith('?'))));
            return changes;
        }

        private string? Find(string name) => fields.FirstOrDefault(f => f.Name == name).Type;
    }
}
