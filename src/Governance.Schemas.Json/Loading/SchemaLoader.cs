using System.Text.Json;
using System.Text.RegularExpressions;
using Governance.Schemas.Json.Model;
using Governance.Schemas.Json.Text;
using Governance.Schemas.Text;

namespace Governance.Schemas.Json.Loading;

/// <summary>
/// Turns schema documents into <see cref="SchemaNode"/> graphs, typing each schema as the everit loader behind Confluent's
/// checker does (see <see cref="SchemaNode"/>), validating keywords on the way, then resolving every <c>$ref</c>.
/// Each place in a document is loaded once, so references to it share one node and recursion stays finite.
/// </summary>
internal sealed class SchemaLoader
{
    private static readonly string[] StringKeywords = ["minLength", "maxLength", "pattern", "format"];
    private static readonly string[] NumberKeywords = ["minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "multipleOf"];

    // The keywords that make a schema without "type" an array or an object schema, per draft (everit's SpecificationVersion).
    private static readonly string[] Draft4ArrayKeywords = ["items", "additionalItems", "maxItems", "minItems", "uniqueItems"];
    private static readonly string[] Draft6ArrayKeywords = [.. Draft4ArrayKeywords, "contains"];
    private static readonly string[] ModernArrayKeywords = [.. Draft6ArrayKeywords, "prefixItems", "unevaluatedItems", "minContains", "maxContains"];
    private static readonly string[] Draft4ObjectKeywords =
        ["properties", "required", "minProperties", "maxProperties", "dependencies", "patternProperties", "additionalProperties"];

    private static readonly string[] Draft6ObjectKeywords = [.. Draft4ObjectKeywords, "propertyNames"];
    private static readonly string[] ModernObjectKeywords = [.. Draft6ObjectKeywords, "unevaluatedProperties", "dependentRequired", "dependentSchemas"];

    private readonly Dictionary<(SchemaDocument Document, string Pointer), SchemaNode> _loaded = [];
    private readonly List<(ReferenceSchema Node, SchemaDocument Document, Uri BaseUri, string Pointer)> _pending = [];
    private readonly ReferenceResolver _resolver;

    private SchemaLoader(ReferenceResolver resolver)
    {
        _resolver = resolver;
    }

    /// <summary>Loads <paramref name="root"/>, whose <c>$ref</c>s may point into <paramref name="references"/>.</summary>
    /// <exception cref="InvalidSchemaException">A keyword is wrong or a <c>$ref</c> cannot be resolved.</exception>
    public static SchemaNode Load(SchemaDocument root, IReadOnlyList<SchemaDocument> references)
    {
        var loader = new SchemaLoader(new ReferenceResolver(root, references));
        var node = loader.Load(root, root.Root, root.InitialBaseUri, string.Empty);
        loader.ResolveReferences();
        return node;
    }

    private SchemaNode Load(SchemaDocument document, JsonElement element, Uri enclosingBase, string pointer)
    {
        if (_loaded.TryGetValue((document, pointer), out var loaded))
        {
            return loaded;
        }

        SchemaNode node = element.ValueKind switch
        {
            JsonValueKind.True => new TrueSchema(),
            JsonValueKind.False => new FalseSchema(),
            JsonValueKind.Object => LoadObject(document, element, enclosingBase, pointer),
            _ => throw new InvalidSchemaException(
                $"Invalid JSON Schema at {document.Describe(pointer)}: a schema must be a JSON object or a boolean, found {KeywordValidator.Describe(element)}"),
        };
        _loaded[(document, pointer)] = node;
        return node;
    }

    private SchemaNode LoadObject(SchemaDocument document, JsonElement element, Uri enclosingBase, string pointer)
    {
        var schema = new SchemaObject(element);
        KeywordValidator.Validate(schema, document, pointer);
        var baseUri = document.ApplyId(element, enclosingBase);
        var scope = new Scope(document, schema, baseUri, pointer);
        foreach (var definitions in (ReadOnlySpan<string>)["definitions", "$defs"])
        {
            _ = LoadMembers(scope, definitions);
        }

        SchemaNode node;
        if (scope.Has("$ref") && !document.Draft.IsModern())
        {
            // Before 2019-09, keywords beside $ref are ignored.
            node = Reference(scope, "$ref");
        }
        else
        {
            var parts = ExtractParts(scope);
            node = parts.Count switch
            {
                0 => new EmptySchema(),
                1 => parts[0],
                _ => new CombinedSchema { Criterion = CombinationCriterion.AllOf, Subschemas = parts },
            };
        }

        node.Id = document.Draft.IsModern() ? null : scope.String(document.IdKeyword);
        node.Title = scope.String("title");
        node.Description = scope.String("description");
        node.DefaultValue = scope.TryGet("default", out var defaultValue) ? JacksonJson.Write(defaultValue) : null;
        node.ConnectType = scope.String("connect.type");
        return node;
    }

    /// <summary>One node per kind of keyword the schema has, in the order everit's schema extractors run.</summary>
    private List<SchemaNode> ExtractParts(Scope scope)
    {
        var parts = new List<SchemaNode>();
        // 2019-09's $recursiveRef and 2020-12's $dynamicRef are followed where they point statically: the dynamic scope
        // only matters when schemas extend each other's recursion, which a compatibility check does not do.
        foreach (var keyword in (ReadOnlySpan<string>)["$ref", "$recursiveRef", "$dynamicRef"])
        {
            if (scope.Has(keyword))
            {
                parts.Add(Part(scope, keyword, Reference(scope, keyword)));
            }
        }

        if (scope.TryGet("enum", out var values))
        {
            parts.Add(Part(scope, "enum", new EnumSchema
            {
                PossibleValues = values.EnumerateArray().Select(v => JacksonJson.Write(v)).ToHashSet(StringComparer.Ordinal),
            }));
        }

        foreach (var (keyword, criterion) in (ReadOnlySpan<(string, CombinationCriterion)>)
            [("allOf", CombinationCriterion.AllOf), ("anyOf", CombinationCriterion.AnyOf), ("oneOf", CombinationCriterion.OneOf)])
        {
            if (scope.Has(keyword))
            {
                parts.Add(Part(scope, keyword, new CombinedSchema { Criterion = criterion, Subschemas = LoadBranches(scope, keyword) }));
            }
        }

        if (scope.TryGet("not", out var not))
        {
            parts.Add(Part(scope, "not", new NotSchema { MustNotMatch = Load(scope, not, "not") }));
        }

        if (scope.TryGet("const", out var constant) && scope.Document.Draft >= JsonSchemaDraft.Draft6)
        {
            parts.Add(Part(scope, "const", new ConstSchema { PermittedValue = JacksonJson.Write(constant) }));
        }

        // Like everit, each extractor sees only the keywords the ones before it left: keywords of a type the explicit
        // "type" did not name still make a schema of their own (not requiring its type), next to the typed one.
        var typedKinds = new HashSet<string>(StringComparer.Ordinal);
        if (scope.TryGet("type", out var type))
        {
            parts.Add(TypedPart(scope, type, typedKinds));
        }

        var draft = scope.Document.Draft;
        foreach (var (kind, keywords) in (ReadOnlySpan<(string, string[])>)
            [("array", ArrayKeywords(draft)), ("object", ObjectKeywords(draft)), ("number", NumberKeywords), ("string", StringKeywords)])
        {
            if (!typedKinds.Contains(kind) && scope.HasAny(keywords))
            {
                parts.Add(Part(scope, kind, ForType(scope, kind)));
            }
        }

        if (draft >= JsonSchemaDraft.Draft7 && (scope.Has("if") || scope.Has("then") || scope.Has("else")))
        {
            parts.Add(Part(scope, "if", new ConditionalSchema
            {
                If = scope.TryGet("if", out var condition) ? Load(scope, condition, "if") : null,
                Then = scope.TryGet("then", out var then) ? Load(scope, then, "then") : null,
                Else = scope.TryGet("else", out var otherwise) ? Load(scope, otherwise, "else") : null,
            }));
        }

        return parts;
    }

    /// <summary>
    /// The schema of the <c>type</c> keyword, an anyOf of one schema per name when it is an array; records which kinds of
    /// keywords (string, number, object, array) the named types took.
    /// </summary>
    private SchemaNode TypedPart(Scope scope, JsonElement type, HashSet<string> typedKinds)
    {
        if (type.ValueKind == JsonValueKind.String)
        {
            typedKinds.Add(KeywordKind(type.GetString()!));
            return Part(scope, "type", ForType(scope, type.GetString()!));
        }

        var names = type.EnumerateArray().Select(t => t.GetString()!).ToList();
        typedKinds.UnionWith(names.Select(KeywordKind));
        return Part(scope, "type", new CombinedSchema
        {
            Criterion = CombinationCriterion.AnyOf,
            Subschemas = [.. names.Select(name => Part(scope, name, ForType(scope, name)))],
        });
    }

    private static string KeywordKind(string type) => type == "integer" ? "number" : type;

    private SchemaNode ForType(Scope scope, string type) => type switch
    {
        "string" => StringKeywordsOf(scope),
        "integer" => NumberKeywordsOf(scope, integer: true),
        "number" => NumberKeywordsOf(scope, integer: false),
        "object" => ObjectKeywordsOf(scope),
        "array" => ArrayKeywordsOf(scope),
        "boolean" => new BooleanSchema(),
        _ => new NullSchema(),
    };

    private static StringSchema StringKeywordsOf(Scope scope) => new()
    {
        MinLength = scope.Int("minLength"),
        MaxLength = scope.Int("maxLength"),
        Pattern = scope.String("pattern"),
    };

    private static NumberSchema NumberKeywordsOf(Scope scope, bool integer)
    {
        var numericExclusives = scope.Document.Draft != JsonSchemaDraft.Draft4;
        return new NumberSchema
        {
            RequiresInteger = integer,
            Minimum = scope.Decimal("minimum"),
            Maximum = scope.Decimal("maximum"),
            ExclusiveMinimumLimit = numericExclusives ? scope.Decimal("exclusiveMinimum") : null,
            ExclusiveMaximumLimit = numericExclusives ? scope.Decimal("exclusiveMaximum") : null,
            MultipleOf = scope.Decimal("multipleOf"),
        };
    }

    private ObjectSchema ObjectKeywordsOf(Scope scope)
    {
        var modern = scope.Document.Draft.IsModern();
        var propertyDependencies = new Dictionary<string, IReadOnlySet<string>>(StringComparer.Ordinal);
        var schemaDependencies = new Dictionary<string, SchemaNode>(StringComparer.Ordinal);
        if (scope.TryGet("dependencies", out var dependencies))
        {
            foreach (var (name, value) in JacksonJsonWriter.DistinctProperties(dependencies))
            {
                if (value.ValueKind == JsonValueKind.Array)
                {
                    propertyDependencies[name] = StringSet(value);
                }
                else
                {
                    schemaDependencies[name] = Load(scope, value, "dependencies", name);
                }
            }
        }

        if (modern && scope.TryGet("dependentRequired", out var dependentRequired))
        {
            foreach (var (name, value) in JacksonJsonWriter.DistinctProperties(dependentRequired))
            {
                propertyDependencies[name] = StringSet(value);
            }
        }

        if (modern)
        {
            foreach (var (name, schema) in LoadMembers(scope, "dependentSchemas"))
            {
                schemaDependencies[name] = schema;
            }
        }

        if (scope.TryGet("propertyNames", out var propertyNames))
        {
            Load(scope, propertyNames, "propertyNames");
        }

        scope.TryGet("additionalProperties", out var additional);
        return new ObjectSchema
        {
            Properties = LoadMembers(scope, "properties").ToDictionary(StringComparer.Ordinal),
            RequiredProperties = scope.TryGet("required", out var required) ? StringSet(required) : new HashSet<string>(),
            PermitsAdditionalProperties = additional.ValueKind != JsonValueKind.False,
            SchemaOfAdditionalProperties = additional.ValueKind == JsonValueKind.Object ? Load(scope, additional, "additionalProperties") : null,
            PatternProperties = [.. LoadMembers(scope, "patternProperties")
                .Select(p => new PatternProperty(new Regex(p.Name, RegexOptions.None, TimeSpan.FromSeconds(1)), p.Schema))],
            UnevaluatedProperties = modern && scope.TryGet("unevaluatedProperties", out var unevaluated)
                ? Load(scope, unevaluated, "unevaluatedProperties")
                : null,
            PropertyDependencies = propertyDependencies,
            SchemaDependencies = schemaDependencies,
            MinProperties = scope.Int("minProperties"),
            MaxProperties = scope.Int("maxProperties"),
        };
    }

    private ArraySchema ArrayKeywordsOf(Scope scope)
    {
        var draft = scope.Document.Draft;
        scope.TryGet("items", out var items);
        IReadOnlyList<SchemaNode> itemSchemas = [];
        SchemaNode? allItems = null;
        JsonElement additional;
        if (draft == JsonSchemaDraft.Draft2020_12)
        {
            // 2020-12 renamed the positional items to prefixItems and the items after them to items.
            var hasPrefix = scope.Has("prefixItems");
            itemSchemas = hasPrefix ? LoadItems(scope, "prefixItems") : [];
            additional = items;
            if (items.ValueKind == JsonValueKind.Object && !hasPrefix)
            {
                allItems = Load(scope, items, "items");
                additional = default;
            }
        }
        else
        {
            if (items.ValueKind == JsonValueKind.Array)
            {
                itemSchemas = LoadItems(scope, "items");
            }
            else if (items.ValueKind != JsonValueKind.Undefined)
            {
                allItems = Load(scope, items, "items");
            }

            scope.TryGet("additionalItems", out additional);
        }

        if (scope.TryGet("contains", out var contains))
        {
            Load(scope, contains, "contains");
        }

        var additionalKeyword = draft == JsonSchemaDraft.Draft2020_12 ? "items" : "additionalItems";
        return new ArraySchema
        {
            AllItemSchema = allItems,
            ItemSchemas = itemSchemas,
            PermitsAdditionalItems = additional.ValueKind != JsonValueKind.False,
            SchemaOfAdditionalItems = additional.ValueKind == JsonValueKind.Object ? Load(scope, additional, additionalKeyword) : null,
            UnevaluatedItems = draft.IsModern() && scope.TryGet("unevaluatedItems", out var unevaluated)
                ? Load(scope, unevaluated, "unevaluatedItems")
                : null,
            MinItems = scope.Int("minItems"),
            MaxItems = scope.Int("maxItems"),
            NeedsUniqueItems = scope.TryGet("uniqueItems", out var unique) && unique.ValueKind == JsonValueKind.True,
            MinContains = scope.Int("minContains"),
            MaxContains = scope.Int("maxContains"),
        };
    }

    private ReferenceSchema Reference(Scope scope, string keyword)
    {
        var reference = new ReferenceSchema { Reference = scope.String(keyword)! };
        _pending.Add((reference, scope.Document, scope.BaseUri, JsonPointer.Append(scope.Pointer, keyword)));
        return reference;
    }

    private void ResolveReferences()
    {
        // Loading a target may find more references; the list grows while it is walked.
        for (var i = 0; i < _pending.Count; i++)
        {
            var (node, document, baseUri, pointer) = _pending[i];
            if (_resolver.Resolve(node.Reference, baseUri) is not { } target
                || !JsonPointer.TryEvaluate(target.Document.Root, target.Pointer, out var element))
            {
                throw new InvalidSchemaException(
                    $"Invalid JSON Schema at {document.Describe(pointer)}: cannot resolve \"$ref\": \"{node.Reference}\" (against {baseUri}); "
                    + "an external schema must be given as a schema reference with that name");
            }

            node.Referred = Load(target.Document, element, target.Document.EnclosingBaseUriAt(target.Pointer), target.Pointer);
        }

        foreach (var (node, document, _, pointer) in _pending)
        {
            var seen = new HashSet<SchemaNode>(ReferenceEqualityComparer.Instance);
            for (SchemaNode current = node; current is ReferenceSchema reference; current = reference.Referred!)
            {
                if (!seen.Add(current))
                {
                    throw new InvalidSchemaException(
                        $"Invalid JSON Schema at {document.Describe(pointer)}: \"$ref\": \"{node.Reference}\" only leads to itself (a circular $ref)");
                }
            }
        }
    }

    private SchemaNode Load(Scope scope, JsonElement element, params ReadOnlySpan<string> path)
    {
        var pointer = scope.Pointer;
        foreach (var token in path)
        {
            pointer = JsonPointer.Append(pointer, token);
        }

        return Load(scope.Document, element, scope.BaseUri, pointer);
    }

    private List<SchemaNode> LoadItems(Scope scope, string keyword)
    {
        var items = new List<SchemaNode>();
        if (scope.TryGet(keyword, out var array))
        {
            var index = 0;
            foreach (var item in array.EnumerateArray())
            {
                items.Add(Load(scope.Document, item, scope.BaseUri, JsonPointer.Append(JsonPointer.Append(scope.Pointer, keyword), index++)));
            }
        }

        return items;
    }

    /// <summary>
    /// The subschemas of <c>allOf</c>/<c>anyOf</c>/<c>oneOf</c>, each keeping its compact JSON: equal branches count once
    /// when combined schemas are compared.
    /// </summary>
    private List<SchemaNode> LoadBranches(Scope scope, string keyword)
    {
        var branches = LoadItems(scope, keyword);
        var index = 0;
        scope.TryGet(keyword, out var array);
        foreach (var element in array.EnumerateArray())
        {
            branches[index++].SourceText = JacksonJson.Write(element);
        }

        return branches;
    }

    private IEnumerable<(string Name, SchemaNode Schema)> LoadMembers(Scope scope, string keyword)
    {
        if (!scope.TryGet(keyword, out var members))
        {
            return [];
        }

        return [.. JacksonJsonWriter.DistinctProperties(members).Select(member => (member.Name, Load(scope, member.Value, keyword, member.Name)))];
    }

    /// <summary>
    /// Marks a node made from part of a schema object: parts of one object must not look alike when combined schemas
    /// collapse equal subschemas.
    /// </summary>
    private static SchemaNode Part(Scope scope, string kind, SchemaNode node)
    {
        node.SourceText = kind + ":" + scope.Pointer;
        return node;
    }

    private static HashSet<string> StringSet(JsonElement array) =>
        array.EnumerateArray().Select(v => v.GetString()!).ToHashSet(StringComparer.Ordinal);

    private static string[] ArrayKeywords(JsonSchemaDraft draft) => draft switch
    {
        JsonSchemaDraft.Draft4 => Draft4ArrayKeywords,
        JsonSchemaDraft.Draft6 or JsonSchemaDraft.Draft7 => Draft6ArrayKeywords,
        _ => ModernArrayKeywords,
    };

    private static string[] ObjectKeywords(JsonSchemaDraft draft) => draft switch
    {
        JsonSchemaDraft.Draft4 => Draft4ObjectKeywords,
        JsonSchemaDraft.Draft6 or JsonSchemaDraft.Draft7 => Draft6ObjectKeywords,
        _ => ModernObjectKeywords,
    };

    /// <summary>One schema object being loaded: where it is and the base URI its relative references resolve against.</summary>
    private readonly record struct Scope(SchemaDocument Document, SchemaObject Schema, Uri BaseUri, string Pointer)
    {
        public bool Has(string keyword) => Schema.Has(keyword);

        public bool HasAny(string[] keywords) => keywords.Any(Has);

        public bool TryGet(string keyword, out JsonElement value) => Schema.TryGetProperty(keyword, out value);

        public string? String(string keyword) =>
            Schema.TryGetProperty(keyword, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

        public int? Int(string keyword) =>
            Schema.TryGetProperty(keyword, out var value) && value.ValueKind == JsonValueKind.Number
                ? (int)Math.Min(value.GetDecimal(), int.MaxValue)
                : null;

        public decimal? Decimal(string keyword)
        {
            if (!Schema.TryGetProperty(keyword, out var value) || value.ValueKind != JsonValueKind.Number)
            {
                return null;
            }

            if (value.TryGetDecimal(out var number))
            {
                return number;
            }

            // Beyond decimal's range: the nearest decimal keeps every comparison's direction.
            return value.GetDouble() > 0 ? decimal.MaxValue : decimal.MinValue;
        }
    }
}
