namespace Governance.Schemas.Protobuf.Tests;

/// <summary>
/// Schemas nested deeper than <see cref="SchemaLimits.MaxNestingDepth"/> are refused while they are parsed, whatever
/// construct nests, before any recursive step can run out of stack; schemas at the limit parse and print.
/// </summary>
public sealed class NestingLimitTests
{
    private const string Proto3 = "syntax = \"proto3\";\n";
    private const string Proto2 = "syntax = \"proto2\";\n";

    public static TheoryData<string> Constructs() => [.. HostileProto.Constructs.Keys];

    [Theory]
    [MemberData(nameof(Constructs))]
    public void Ten_thousand_levels_are_refused_naming_the_limit(string construct)
    {
        var schema = HostileProto.Constructs[construct](10_000);

        var error = Should.Throw<InvalidSchemaException>(() => new ProtobufFormat().Parse(schema, []));

        error.Message.ShouldContain("nesting deeper than the maximum nesting depth of 256 (MaxNestingDepth)");
    }

    [Theory]
    [MemberData(nameof(Constructs))]
    public void One_level_beyond_a_configured_limit_is_refused_and_the_limit_itself_parses(string construct)
    {
        var format = new ProtobufFormat(new SchemaLimits { MaxNestingDepth = 12 });

        var error = Should.Throw<InvalidSchemaException>(() => format.Parse(HostileProto.Constructs[construct](13), []));
        error.Message.ShouldContain("maximum nesting depth of 12");
        format.Parse(HostileProto.Constructs[construct](12), []).CanonicalText.ShouldNotBeEmpty();
    }

    [Fact]
    public void The_issue_schema_at_the_default_limit_parses_normalizes_and_compares_with_itself()
    {
        var schema = new ProtobufFormat().Parse(HostileProto.NestedMessages(SchemaLimits.DefaultMaxNestingDepth), []);

        schema.Normalize().CanonicalText.ShouldBe(schema.CanonicalText);
        schema.CheckBackwardCompatibility(schema).ShouldBeEmpty();
    }

    [Fact]
    public void A_referenced_file_nested_too_deeply_is_refused()
    {
        var reference = new SchemaReferenceContent("deep.proto", HostileProto.NestedMessages(300));

        var error = Should.Throw<InvalidSchemaException>(
            () => new ProtobufFormat().Parse(Proto3 + "import \"deep.proto\";\nmessage Top { M0 m = 1; }\n", [reference]));

        error.Message.ShouldContain("in imported file \"deep.proto\"");
        error.Message.ShouldContain("maximum nesting depth of 256");
    }

    /// <summary>Generators of schemas nested <c>depth</c> levels deep through each construct that nests in <c>.proto</c>.</summary>
    internal static class HostileProto
    {
        public static readonly IReadOnlyDictionary<string, Func<int, string>> Constructs = new Dictionary<string, Func<int, string>>
        {
            ["messages"] = NestedMessages,
            ["enums in nested messages"] = depth => Proto3 + Repeat(depth - 1, i => $"message M{i} {{ ") + "enum E { A = 0; } " + Close(depth - 1),
            ["groups"] = depth => Proto2 + "message M { " + Repeat(depth - 1, i => $"optional group G{i} = {i + 1} {{ ") + "optional int32 x = 1; " + Close(depth),
            ["groups in oneofs"] = depth => Proto2 + "message M { " + Repeat((depth - 1) / 2, i => $"oneof o{i} {{ group G{i} = {i + 1} {{ ")
                + "optional int32 x = 1; " + Close(((depth - 1) / 2 * 2) + 1),
            ["extends in nested messages"] = depth => Proto2 + "message Base { extensions 100 to 200; } " + Repeat(depth - 1, i => $"message M{i} {{ ")
                + "extend Base { optional int32 x = 100; } " + Close(depth - 1),
            ["maps in nested messages"] = depth => Proto3 + Repeat(depth, i => $"message M{i} {{ map<string, M{i}> m = 1; ") + Close(depth),
            ["aggregate option values"] = depth => Proto3 + "import \"google/protobuf/descriptor.proto\";\nmessage Opt { Opt o = 1; int32 x = 2; }\n"
                + "extend google.protobuf.MessageOptions { Opt opt = 50000; }\nmessage M { option (opt) = " + Repeat(depth - 2, _ => "{ o: ") + "{ x: 1 " + Close(depth - 1) + "; }",
            ["angle bracket option values"] = depth => Proto3 + "import \"google/protobuf/descriptor.proto\";\nmessage Opt { Opt o = 1; int32 x = 2; }\n"
                + "extend google.protobuf.MessageOptions { Opt opt = 50000; }\nmessage M { option (opt) = { " + Repeat(depth - 2, _ => "o < ") + "x: 1 " + new string('>', depth - 2) + " }; }",
        };

        /// <summary>The issue's generator: <paramref name="depth"/> messages each nested in the one before.</summary>
        public static string NestedMessages(int depth) =>
            Proto3 + Repeat(depth, i => $"message M{i} {{ ") + "string leaf = 1; " + Close(depth);

        private static string Repeat(int count, Func<int, string> part) => string.Concat(Enumerable.Range(0, count).Select(part));

        private static string Close(int count) => string.Concat(Enumerable.Repeat("} ", count));
    }
}
