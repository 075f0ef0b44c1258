using System.Text.RegularExpressions;

namespace Governance.Schemas.Protobuf.Tests;

/// <summary>
/// Invalid schemas are refused with a message naming the problem and its line and column; protoc refuses each of them
/// too and reports the same line.
/// </summary>
public sealed partial class RejectionTests
{
    public static TheoryData<string, string, string> InvalidSchemas() => new()
    {
        { "missing semicolon", "syntax = \"proto3\";\nmessage M {\n  int32 a = 1\n}\n", "line 4, column 1: expected ';', found '}'" },
        { "missing closing brace", "syntax = \"proto3\";\nmessage M {\n  int32 a = 1;\n", "line 4, column 1: expected '}' to close message 'M'" },
        { "unknown type", "syntax = \"proto3\";\nmessage M {\n  Missing m = 1;\n}\n", "line 3, column 3: \"Missing\" is not defined" },
        { "duplicate field number", "syntax = \"proto3\";\nmessage M {\n  int32 a = 1;\n  int32 b = 1;\n}\n", "line 4, column 3: field number 1 has already been used in \"M\" by field \"a\"" },
        { "duplicate field name", "syntax = \"proto3\";\nmessage M {\n  int32 a = 1;\n  string a = 2;\n}\n", "line 4, column 3: \"a\" is already defined in \"M\"" },
        { "reserved number used", "syntax = \"proto3\";\nmessage M {\n  reserved 2 to 4;\n  int32 a = 3;\n}\n", "line 4, column 3: field \"a\" uses reserved number 3" },
        { "reserved name used", "syntax = \"proto3\";\nmessage M {\n  reserved \"a\";\n  int32 a = 3;\n}\n", "line 4, column 3: field name \"a\" is reserved" },
        { "field number zero", "syntax = \"proto3\";\nmessage M {\n  int32 a = 0;\n}\n", "line 3, column 13: field numbers must be between 1 and 536870911" },
        { "field number too large", "syntax = \"proto3\";\nmessage M {\n  int32 a = 536870912;\n}\n", "line 3, column 13: field numbers must be between 1 and 536870911" },
        { "implementation reserved number", "syntax = \"proto3\";\nmessage M {\n  int32 a = 19500;\n}\n", "line 3, column 3: field numbers 19000 through 19999 are reserved" },
        { "required in proto3", "syntax = \"proto3\";\nmessage M {\n  required int32 a = 1;\n}\n", "line 3, column 3: required fields are not allowed in proto3" },
        { "default in proto3", "syntax = \"proto3\";\nmessage M {\n  int32 a = 1 [default = 5];\n}\n", "line 3, column 26: explicit default values are not allowed in proto3" },
        { "first enum value not zero in proto3", "syntax = \"proto3\";\nenum E {\n  A = 1;\n}\n", "line 3, column 3: the first enum value must be zero in proto3" },
        { "enum alias without allow_alias", "syntax = \"proto3\";\nenum E {\n  A = 0;\n  B = 0;\n}\n", "line 4, column 3: \"B\" uses the same enum value as \"A\"" },
        { "allow_alias without aliases", "syntax = \"proto3\";\nenum E {\n  option allow_alias = true;\n  A = 0;\n}\n", "line 2, column 1: \"E\" declares support for enum aliases" },
        { "float map key", "syntax = \"proto3\";\nmessage M {\n  map<float, string> m = 1;\n}\n", "line 3, column 3: key in map fields cannot be float" },
        { "unterminated string", "syntax = \"proto3\";\nmessage M {\n  string a = 1 [json_name = \"abc];\n}\n", "line 3, column 29: unterminated string literal" },
        { "import not found", "syntax = \"proto3\";\n\nimport \"nowhere.proto\";\n", "line 3, column 1: import \"nowhere.proto\" was not found" },
        { "unknown standard option", "syntax = \"proto3\";\noption no_such_option = true;\n", "line 2, column 8: option \"no_such_option\" unknown" },
        { "unknown custom option", "syntax = \"proto3\";\nmessage M {\n  int32 a = 1 [(no.such) = 1];\n}\n", "line 3, column 16: option \"(no.such)\" unknown" },
        { "extension outside ranges", "syntax = \"proto2\";\nmessage M {\n  extensions 100 to 199;\n}\nextend M {\n  optional int32 x = 5;\n}\n", "line 6, column 3: \"M\" does not declare 5 as an extension number" },
        { "group in proto3", "syntax = \"proto3\";\nmessage M {\n  repeated group G = 1 {\n    int32 x = 1;\n  }\n}\n", "line 3, column 3: groups are not supported in proto3" },
        { "unknown syntax", "syntax = \"proto4\";\n", "line 1, column 10: unrecognized syntax identifier \"proto4\"" },
        { "label in oneof", "syntax = \"proto3\";\nmessage M {\n  oneof o {\n    repeated int32 a = 1;\n  }\n}\n", "line 4, column 5: fields in oneofs must not have labels" },
        { "missing label in proto2", "syntax = \"proto2\";\nmessage M {\n  int32 a = 1;\n}\n", "line 3, column 3: expected \"required\", \"optional\", or \"repeated\"" },
        { "duplicate message", "syntax = \"proto3\";\nmessage M {}\nmessage M {}\n", "line 3, column 1: \"M\" is already defined" },
        { "field type names a field", "syntax = \"proto3\";\nmessage M {\n  int32 a = 1;\n  a b = 2;\n}\n", "line 4, column 3: \"a\" is not defined" },
        { "empty enum", "syntax = \"proto3\";\nenum E {\n}\n", "line 2, column 1: enum \"E\" must contain at least one value" },
        { "invalid escape", "syntax = \"proto2\";\nmessage M {\n  optional string a = 1 [default = \"\\q\"];\n}\n", "line 3, column 36: invalid escape sequence '\\q'" },
        { "string default for an integer", "syntax = \"proto2\";\nmessage M {\n  optional int32 a = 1 [default = \"x\"];\n}\n", "line 3, column 35: default value x is not an integer" },
        { "integer default out of range", "syntax = \"proto2\";\nmessage M {\n  optional int32 a = 1 [default = 3000000000];\n}\n", "line 3, column 35: default value 3000000000 is not an integer in the range of int32" },
        { "unknown enum default", "syntax = \"proto2\";\nenum E {\n  A = 0;\n}\nmessage M {\n  optional E e = 1 [default = B];\n}\n", "line 6, column 31: default value B is not a value of enum \"E\"" },
        { "empty oneof", "syntax = \"proto3\";\nmessage M {\n  oneof o {\n  }\n}\n", "line 3, column 3: oneof \"o\" must have at least one field" },
        { "proto2 enum in proto3 message", "syntax = \"proto3\";\nimport \"google/protobuf/descriptor.proto\";\nmessage M {\n  google.protobuf.FieldDescriptorProto.Type t = 1;\n}\n", "line 4, column 3: enum type \"google.protobuf.FieldDescriptorProto.Type\" is not a proto3 enum" },
        { "unknown top-level keyword", "syntax = \"proto3\";\nmesage M {}\n", "line 2, column 1: expected a top-level statement" },
        { "option value of the wrong type", "syntax = \"proto3\";\noption java_package = 5;\n", "line 2, column 23: expected a string" },
        { "default JSON names collide in proto3", "syntax = \"proto3\";\nmessage M {\n  int32 foo_bar = 1;\n  int32 fooBar = 2;\n}\n", "line 4, column 3: the default JSON name of field \"fooBar\" (\"fooBar\") conflicts with the default JSON name of field \"foo_bar\"" },
        { "custom JSON names collide", "syntax = \"proto3\";\nmessage M {\n  int32 a = 1 [json_name = \"x\"];\n  int32 b = 2 [json_name = \"x\"];\n}\n", "line 4, column 3: the custom JSON name of field \"b\" (\"x\") conflicts with the custom JSON name of field \"a\"" },
        { "empty statement in a oneof", "syntax = \"proto3\";\nmessage M {\n  oneof o {\n    string a = 1;;\n  }\n}\n", "line 4, column 18: expected an identifier, found ';'" },
        { "empty statement in an extend block", "syntax = \"proto2\";\nmessage M {\n  extensions 10 to 20;\n}\nextend M {\n  ;\n}\n", "line 6, column 3: expected \"required\", \"optional\", or \"repeated\"" },
        { "number for an enum-valued option", "syntax = \"proto3\";\nmessage M {\n  int64 id = 1 [jstype = 0];\n}\n", "line 3, column 26: value must be an identifier for enum-valued option \"jstype\"" },
        { "jstype on a string", "syntax = \"proto3\";\nmessage M {\n  string id = 1 [jstype = JS_STRING];\n}\n", "line 3, column 3: jstype is only allowed on int64, uint64, sint64, fixed64 or sfixed64 fields" },
        { "number for a boolean option", "syntax = \"proto3\";\nmessage M {\n  repeated int32 v = 1 [packed = 1];\n}\n", "line 3, column 34: value must be \"true\" or \"false\" for boolean option \"packed\"" },
        { "extendee is a field", "syntax = \"proto2\";\nmessage E {\n  extensions 10 to 20;\n}\nmessage Scope {\n  optional int32 E = 1;\n  extend E {\n    optional int32 x = 10;\n  }\n}\n", "line 7, column 3: \"E\" is not a message type" },
        { "aggregate field given twice", "syntax = \"proto2\";\nimport \"google/protobuf/descriptor.proto\";\nmessage R {\n  optional string key = 1;\n}\nextend google.protobuf.MessageOptions {\n  optional R r = 50000;\n}\nmessage M {\n  option (r) = { key: \"a\" key: \"b\" };\n}\n", "line 10, column 32: non-repeated field \"key\" is specified multiple times" },
        { "octal number with an exponent", "syntax = \"proto2\";\nmessage M {\n  optional double a = 1 [default = 0777e3];\n}\n", "line 3, column 36: invalid number '0777e3'" },
        { "implementation reserved extension number", "syntax = \"proto2\";\nmessage M {\n  extensions 100 to max;\n}\nextend M {\n  optional int32 x = 19001;\n}\n", "line 6, column 3: field numbers 19000 through 19999 are reserved" },
        { "map in a oneof", "syntax = \"proto3\";\nmessage M {\n  oneof o {\n    map<string, string> m = 1;\n  }\n}\n", "line 4, column 5: map fields are not allowed in oneofs" },
        { "overlapping reserved ranges", "syntax = \"proto3\";\nmessage M {\n  reserved 1 to 5, 3;\n}\n", "line 3, column 3: reserved range 3 to 3 overlaps with already-defined range 1 to 5" },
        { "extension range over a reserved range", "syntax = \"proto2\";\nmessage M {\n  reserved 10 to 20;\n  extensions 15 to 30;\n}\n", "line 4, column 3: extension range 15 to 30 overlaps with reserved range 10 to 20" },
        { "overlapping extension ranges", "syntax = \"proto2\";\nmessage M {\n  extensions 10 to 20;\n  extensions 15 to 30;\n}\n", "line 4, column 3: extension range 15 to 30 overlaps with already-defined range 10 to 20" },
        { "json_name on an extension", "syntax = \"proto2\";\nmessage M {\n  extensions 10 to 20;\n}\nextend M {\n  optional int32 x = 10 [json_name = \"y\"];\n}\n", "line 6, column 3: option json_name is not allowed on extension fields" },
        { "packed on a singular field", "syntax = \"proto2\";\nmessage M {\n  optional int32 x = 1 [packed = true];\n}\n", "line 3, column 25: [packed = true] can only be specified for repeated primitive fields" },
        { "option set twice", "syntax = \"proto3\";\noption java_package = \"a\";\noption java_package = \"b\";\n", "line 3, column 8: option \"java_package\" was already set" },
        { "extension number used twice", "syntax = \"proto2\";\nmessage M {\n  extensions 10 to 20;\n}\nextend M {\n  optional int32 x = 10;\n  optional int32 y = 10;\n}\n", "line 7, column 3: extension number 10 has already been used in \"M\" by extension \"x\"" },
        { "reserved name twice", "syntax = \"proto3\";\nmessage M {\n  reserved \"a\", \"a\";\n}\n", "line 3, column 3: field name \"a\" is reserved multiple times" },
        { "overlapping enum reserved ranges", "syntax = \"proto3\";\nenum E {\n  A = 0;\n  reserved 1 to 5, 2;\n}\n", "line 4, column 3: reserved range 2 to 2 overlaps with already-defined range 1 to 5" },
        { "extension of a non-options message in proto3", "syntax = \"proto3\";\nimport \"google/protobuf/timestamp.proto\";\nmessage M {\n  extend google.protobuf.Timestamp {\n    int32 b = 2;\n  }\n}\n", "line 5, column 5: \"google.protobuf.Timestamp\" does not declare 2 as an extension number" },
    };

    [Theory]
    [MemberData(nameof(InvalidSchemas))]
    public void Refuses_with_line_and_column(string name, string schema, string expected)
    {
        var error = Should.Throw<InvalidSchemaException>(() => new ProtobufFormat().Parse(schema, []));

        error.Message.ShouldStartWith("Invalid Protobuf schema: ");
        error.Message.ShouldContain(expected, customMessage: name);
    }

    /// <summary>
    /// Where protoc points elsewhere: no line for implementation-reserved numbers, the end of the file for a needless
    /// allow_alias, the reserved range rather than the field using it, the closing brace of an empty oneof, the first of
    /// two overlapping extension ranges, the message holding a name reserved twice.
    /// </summary>
    private static readonly Dictionary<string, int?> ProtocLineDiffers = new()
    {
        ["implementation reserved number"] = null,
        ["implementation reserved extension number"] = null,
        ["allow_alias without aliases"] = 6,
        ["reserved number used"] = 3,
        ["empty oneof"] = 4,
        ["overlapping extension ranges"] = 3,
        ["reserved name twice"] = 2,
    };

    [Theory]
    [MemberData(nameof(InvalidSchemas))]
    public void Protoc_refuses_the_same_schema_on_the_same_line(string name, string schema, string expected)
    {
        var directory = Directory.CreateTempSubdirectory("protoc-reject-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(directory, "schema.proto"), schema);

            var protocErrors = Protoc.Reject(directory, "schema.proto");

            protocErrors.ShouldNotBeNull(name);
            var protocLines = LinePattern().Matches(protocErrors).Select(m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture));
            var ourLine = int.Parse(LinePattern().Match("schema.proto:" + expected.Replace("line ", "").Replace(", column ", ":")).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
            if (!ProtocLineDiffers.TryGetValue(name, out var protocLine))
            {
                protocLines.ShouldContain(ourLine, name);
            }
            else if (protocLine is { } line)
            {
                protocLines.ShouldContain(line, name);
            }
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public void Error_in_an_imported_file_names_the_file()
    {
        var error = Should.Throw<InvalidSchemaException>(() => new ProtobufFormat().Parse(
            "syntax = \"proto3\";\nimport \"other.proto\";\n",
            [new SchemaReferenceContent("other.proto", "syntax = \"proto3\";\nmessage O {\n  int32 a = 1\n}\n")]));

        error.Message.ShouldContain("in imported file \"other.proto\": line 4, column 1: expected ';'");
    }

    [Fact]
    public void Proto3_may_extend_only_options_messages()
    {
        var error = Should.Throw<InvalidSchemaException>(() => new ProtobufFormat().Parse(
            "syntax = \"proto3\";\nimport \"base.proto\";\nextend base.Base {\n  int32 extra = 100;\n}\nmessage M {}\n",
            [new SchemaReferenceContent("base.proto", "syntax = \"proto2\";\npackage base;\nmessage Base {\n  extensions 100 to 200;\n}\n")]));

        error.Message.ShouldContain("line 3, column 1: extensions in proto3 are only allowed for defining options");
    }

    [Fact]
    public void Import_cycle_is_refused()
    {
        var error = Should.Throw<InvalidSchemaException>(() => new ProtobufFormat().Parse(
            "syntax = \"proto3\";\nimport \"a.proto\";\n",
            [
                new SchemaReferenceContent("a.proto", "syntax = \"proto3\";\nimport \"b.proto\";\n"),
                new SchemaReferenceContent("b.proto", "syntax = \"proto3\";\nimport \"a.proto\";\n"),
            ]));

        error.Message.ShouldContain("import cycle through \"a.proto\"");
    }

    [Fact]
    public void Types_of_a_file_imported_by_an_import_are_not_visible_without_import_public()
    {
        var error = Should.Throw<InvalidSchemaException>(() => new ProtobufFormat().Parse(
            "syntax = \"proto3\";\nimport \"middle.proto\";\nmessage M {\n  base.Base b = 1;\n}\n",
            [
                new SchemaReferenceContent("base.proto", "syntax = \"proto3\";\npackage base;\nmessage Base {}\n"),
                new SchemaReferenceContent("middle.proto", "syntax = \"proto3\";\nimport \"base.proto\";\n"),
            ]));

        error.Message.ShouldContain("line 4, column 3: \"base.Base\" is not defined");
    }

    [Fact]
    public void Text_that_is_neither_proto_nor_a_serialized_descriptor_is_refused()
    {
        var error = Should.Throw<InvalidSchemaException>(() => new ProtobufFormat().Parse("{\"type\": \"record\"}", []));

        error.Message.ShouldContain("line 1, column 1: expected a top-level statement");
    }

    [GeneratedRegex(@"schema\.proto:(\d+):\d+")]
    private static partial Regex LinePattern();
}
