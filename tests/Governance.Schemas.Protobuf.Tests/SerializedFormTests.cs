using Google.Protobuf;
using Google.Protobuf.Reflection;

namespace Governance.Schemas.Protobuf.Tests;

/// <summary>Schemas in base64 FileDescriptorProto form, <c>format=serialized</c>, message indexes and the format contract.</summary>
public sealed class SerializedFormTests
{
    private const string Schema = """
        syntax = "proto3";
        package shop;
        message Order {
          string id = 1;
          map<string, Line> lines = 2;
          message Line {
            int64 sku = 1;
            message Detail { string note = 1; }
          }
          message Audit { string who = 1; }
        }
        message Refund {
          Order order = 1;
        }
        """;

    private static readonly ProtobufFormat Format = new();

    [Fact]
    public void Serialized_format_is_base64_of_the_descriptor()
    {
        var schema = (ProtobufSchema)Format.Parse(Schema, []);

        var serialized = schema.FormatAs("serialized");

        FileDescriptorProto.Parser.ParseFrom(Convert.FromBase64String(serialized!)).ShouldBe(schema.Descriptor);
        schema.FormatAs("SERIALIZED").ShouldBe(serialized);
        schema.FormatAs("resolved").ShouldBeNull();
    }

    [Fact]
    public void Base64_descriptor_is_accepted_and_renders_as_text()
    {
        var text = (ProtobufSchema)Format.Parse(Schema, []);

        var fromDescriptor = (ProtobufSchema)Format.Parse(text.FormatAs("serialized")!, []);

        // As Confluent renders a descriptor: entry messages kept, every json_name written, names fully qualified;
        // normalizing turns the entries back into map fields.
        fromDescriptor.Descriptor.ShouldBe(text.Descriptor);
        fromDescriptor.CanonicalText.ShouldContain("repeated .shop.Order.LinesEntry lines = 2 [json_name = \"lines\"];");
        fromDescriptor.CanonicalText.ShouldContain("option map_entry = true;");
        var normalized = fromDescriptor.Normalize().CanonicalText;
        normalized.ShouldContain("map<string, .shop.Order.Line> lines = 2 [json_name = \"lines\"];");
        normalized.ShouldNotContain("LinesEntry");
        fromDescriptor.Normalize().CanonicalText.ShouldBe(normalized);
        fromDescriptor.CheckBackwardCompatibility(text).ShouldBeEmpty();
        text.CheckBackwardCompatibility(fromDescriptor).ShouldBeEmpty();
        ((ProtobufSchema)fromDescriptor.Normalize()).MessageNames.ShouldBe(text.MessageNames);
    }

    [Fact]
    public void Base64_descriptor_with_an_unresolvable_type_is_refused()
    {
        var descriptor = new FileDescriptorProto { Name = "x.proto", Syntax = "proto3" };
        descriptor.MessageType.Add(new DescriptorProto
        {
            Name = "M",
            Field = { new FieldDescriptorProto { Name = "f", Number = 1, Label = FieldDescriptorProto.Types.Label.Optional, Type = FieldDescriptorProto.Types.Type.Message, TypeName = ".missing.Type" } },
        });

        var error = Should.Throw<InvalidSchemaException>(() => Format.Parse(Convert.ToBase64String(descriptor.ToByteArray()), []));

        error.Message.ShouldContain("\".missing.Type\" is not defined");
    }

    [Fact]
    public void Message_names_are_listed_depth_first_without_map_entries()
    {
        var schema = (ProtobufSchema)Format.Parse(Schema, []);

        schema.MessageNames.ShouldBe(["shop.Order", "shop.Order.Line", "shop.Order.Line.Detail", "shop.Order.Audit", "shop.Refund"]);
    }

    [Fact]
    public void Message_indexes_follow_confluents_wire_format()
    {
        var schema = (ProtobufSchema)Format.Parse(Schema, []);

        schema.MessageIndexesOf("shop.Order").ShouldBe([0]);
        schema.MessageIndexesOf("shop.Refund").ShouldBe([1]);
        schema.MessageIndexesOf("shop.Order.Line").ShouldBe([0, 0]);
        schema.MessageIndexesOf(".shop.Order.Line.Detail").ShouldBe([0, 0, 0]);
        schema.MessageIndexesOf("shop.Order.Audit").ShouldBe([0, 1]);
        schema.MessageNameAt([0, 1]).ShouldBe("shop.Order.Audit");
        schema.MessageNameAt([2]).ShouldBeNull();
        Should.Throw<ArgumentException>(() => schema.MessageIndexesOf("shop.Order.LinesEntry"));
    }

    [Fact]
    public void A_schema_of_another_format_is_incompatible_both_ways()
    {
        var schema = Format.Parse(Schema, []);
        var other = new OtherFormatSchema();

        var issue = schema.CheckBackwardCompatibility(other).ShouldHaveSingleItem();
        issue.Message.ShouldBe("Incompatible because of different schema type");
        schema.DiffFrom(other).ShouldHaveSingleItem().BreaksBackward.ShouldBeTrue();
        schema.SchemaType.ShouldBe("PROTOBUF");
        Format.SchemaType.ShouldBe("PROTOBUF");
    }

    [Fact]
    public void Well_known_and_confluent_files_resolve_without_references()
    {
        var schema = Format.Parse("""
            syntax = "proto3";
            import "google/protobuf/any.proto";
            import "google/protobuf/api.proto";
            import "google/protobuf/descriptor.proto";
            import "google/protobuf/empty.proto";
            import "google/protobuf/type.proto";
            import "google/type/calendar_period.proto";
            import "google/type/color.proto";
            import "google/type/datetime.proto";
            import "google/type/dayofweek.proto";
            import "google/type/expr.proto";
            import "google/type/fraction.proto";
            import "google/type/latlng.proto";
            import "google/type/month.proto";
            import "google/type/postal_address.proto";
            import "google/type/quaternion.proto";
            import "google/type/timeofday.proto";
            import "confluent/meta.proto";
            message All {
              option (confluent.message_meta).doc = "everything";
              google.protobuf.Any any = 1;
              google.protobuf.Api api = 2;
              google.type.DateTime at = 3 [(confluent.field_meta).tags = "time"];
              google.type.Color color = 4;
              google.type.PostalAddress address = 5;
              google.type.DayOfWeek day = 6;
              google.type.Month month = 7;
              google.type.LatLng where = 8;
              google.type.Quaternion rotation = 9;
              google.type.TimeOfDay time = 10;
              google.type.Fraction ratio = 11;
              google.type.Expr rule = 12;
              google.type.CalendarPeriod period = 13;
              google.protobuf.Empty nothing = 14;
              google.protobuf.Syntax syntax = 15;
            }
            """, []);

        schema.CanonicalText.ShouldContain("google.type.DateTime at = 3 [(confluent.field_meta).tags = \"time\"];");
    }

    [Fact]
    public void A_reference_overrides_a_bundled_file_of_the_same_name()
    {
        var schema = (ProtobufSchema)Format.Parse(
            "syntax = \"proto3\";\nimport \"google/type/money.proto\";\nmessage M { google.type.Money m = 1; google.type.Money.Extra e = 2; }\n",
            [new SchemaReferenceContent("google/type/money.proto", "syntax = \"proto3\";\npackage google.type;\nmessage Money { message Extra {} }\n")]);

        schema.Descriptor.MessageType[0].Field[1].TypeName.ShouldBe(".google.type.Money.Extra");
    }

    private sealed class OtherFormatSchema : ParsedSchema
    {
        public override string SchemaType => "AVRO";

        public override string CanonicalText => "\"string\"";

        public override ParsedSchema Normalize() => this;

        public override IReadOnlyList<CompatibilityIssue> CheckBackwardCompatibility(ParsedSchema previous) => [];

        public override IReadOnlyList<SchemaChange> DiffFrom(ParsedSchema previous) => [];
    }
}
