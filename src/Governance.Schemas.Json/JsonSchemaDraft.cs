namespace Governance.Schemas.Json;

/// <summary>The JSON Schema drafts Confluent Schema Registry accepts, named by a schema's <c>$schema</c>.</summary>
public enum JsonSchemaDraft
{
    Draft4,
    Draft6,
    Draft7,
    Draft2019_09,
    Draft2020_12,
}

/// <summary>Finds the draft a <c>$schema</c> URL names.</summary>
public static class JsonSchemaDrafts
{
    /// <summary>Draft 7, what Confluent assumes when <c>$schema</c> is absent or names no draft it knows.</summary>
    public const JsonSchemaDraft Default = JsonSchemaDraft.Draft7;

    private static readonly Dictionary<string, JsonSchemaDraft> ByUrl = new(StringComparer.Ordinal)
    {
        ["json-schema.org/draft-04/schema"] = JsonSchemaDraft.Draft4,
        ["json-schema.org/draft-06/schema"] = JsonSchemaDraft.Draft6,
        ["json-schema.org/draft-07/schema"] = JsonSchemaDraft.Draft7,
        ["json-schema.org/draft/2019-09/schema"] = JsonSchemaDraft.Draft2019_09,
        ["json-schema.org/draft/2020-12/schema"] = JsonSchemaDraft.Draft2020_12,
    };

    /// <summary>
    /// The draft of a <c>$schema</c> URL, with or without the trailing <c>#</c>, over http or https;
    /// <see cref="Default"/> for anything else.
    /// </summary>
    public static JsonSchemaDraft FromSchemaUrl(string? url)
    {
        if (url is null)
        {
            return Default;
        }

        var key = url.Trim().TrimEnd('#');
        foreach (var scheme in (ReadOnlySpan<string>)["https://", "http://"])
        {
            if (key.StartsWith(scheme, StringComparison.OrdinalIgnoreCase))
            {
                key = key[scheme.Length..];
                break;
            }
        }

        return ByUrl.GetValueOrDefault(key, Default);
    }

    /// <summary>Whether <paramref name="draft"/> is 2019-09 or later (vocabularies, <c>$defs</c>, <c>unevaluated*</c>, <c>$ref</c> beside other keywords).</summary>
    public static bool IsModern(this JsonSchemaDraft draft) => draft >= JsonSchemaDraft.Draft2019_09;
}
