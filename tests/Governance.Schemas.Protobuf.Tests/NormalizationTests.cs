namespace Governance.Schemas.Protobuf.Tests;

/// <summary>Canonical text in Confluent's layout, and Confluent's normalization making equivalent schemas equal.</summary>
public sealed class NormalizationTests
{
    private static readonly ProtobufFormat Format = new();

    [Fact]
    public void Canonical_text_uses_confluents_layout()
    {
        var schema = Format.Parse("""
            syntax = "proto3";
            // comment
            package shop.v1;
            import "google/protobuf/timestamp.proto";
            option java_package = "com.shop";
            enum Status { STATUS_UNSPECIFIED = 0; PAID = 1; }
            message Order {
              reserved 4, 10 to 12;
              string id = 1 [json_name = "orderId", deprecated = true];
              google.protobuf.Timestamp placed_at = 2;
              oneof payment { string card = 3; string iban = 5; }
              map<string, int32> counts = 6;
              message Line { int64 sku = 1; }
              repeated Line lines = 7;
              Status status = 8;
            }
            service Orders {
              rpc Get (Order) returns (stream Order);
            }
            """, []);

        schema.CanonicalText.ShouldBe("""
            syntax = "proto3";
            package shop.v1;

            import "google/protobuf/timestamp.proto";

            option java_package = "com.shop";

            message Order {
              reserved 4, 10 to 12;

              string id = 1 [
                deprecated = true,
                json_name = "orderId"
              ];
              google.protobuf.Timestamp placed_at = 2;
              map<string, int32> counts = 6;
              repeated Line lines = 7;
              Status status = 8;

              oneof payment {
                string card = 3;
                string iban = 5;
              }

              message Line {
                int64 sku = 1;
              }
            }
            enum Status {
              STATUS_UNSPECIFIED = 0;
              PAID = 1;
            }

            service Orders {
              rpc Get (Order) returns (stream Order);
            }

            """.Replace("\r\n", "\n"));
    }

    [Fact]
    public void Equivalent_schemas_normalize_to_the_same_text()
    {
        var first = Format.Parse("""
            syntax = "proto3";
            package demo;
            import "google/protobuf/timestamp.proto";
            import "google/protobuf/duration.proto";
            option java_package = "com.demo";
            option java_multiple_files = true;
            message Event {
              reserved 20, 10 to 12;
              reserved "legacy";
              google.protobuf.Timestamp at = 3;
              string name = 1 [deprecated = true, json_name = "theName"];
              Kind kind = 2;
              oneof body { bytes raw = 5; string text = 4; }
              map<string, Detail> details = 6;
              message Detail { string value = 1; }
              enum Kind { KIND_UNSPECIFIED = 0; B = 2; A = 1; }
            }
            """, []);
        var second = Format.Parse("""
            syntax = "proto3";
            package demo;
            import "google/protobuf/duration.proto";
            import "google/protobuf/timestamp.proto";
            option java_multiple_files = true;
            option java_package = "com.demo";
            message Event {
              reserved "legacy";
              reserved 10 to 12;
              reserved 20;
              string name = 1 [json_name = "theName", deprecated = true];
              .demo.Event.Kind kind = 2;
              .google.protobuf.Timestamp at = 3;
              oneof body { string text = 4; bytes raw = 5; }
              map<string, .demo.Event.Detail> details = 6;
              message Detail { string value = 1; }
              enum Kind { KIND_UNSPECIFIED = 0; A = 1; B = 2; }
            }
            """, []);

        first.CanonicalText.ShouldNotBe(second.CanonicalText);
        first.Normalize().CanonicalText.ShouldBe(second.Normalize().CanonicalText);
    }

    [Fact]
    public void Normalized_text_qualifies_types_and_sorts_fields()
    {
        var normalized = Format.Parse("""
            syntax = "proto3";
            package demo;
            message A {
              B b = 2;
              int32 id = 1;
              map<string, B> bs = 3;
            }
            message B { string s = 1; }
            service S { rpc Call (A) returns (B); }
            """, []).Normalize();

        normalized.CanonicalText.ShouldBe("""
            syntax = "proto3";
            package demo;

            message A {
              int32 id = 1;
              .demo.B b = 2;
              map<string, .demo.B> bs = 3;
            }
            message B {
              string s = 1;
            }

            service S {
              rpc Call (.demo.A) returns (.demo.B);
            }

            """.Replace("\r\n", "\n"));
    }

    [Fact]
    public void Normalize_keeps_message_order_because_message_indexes_depend_on_it()
    {
        var schema = (ProtobufSchema)Format.Parse("syntax = \"proto3\";\nmessage Z { int32 a = 1; }\nmessage A { int32 a = 1; }\n", []);

        var normalized = (ProtobufSchema)schema.Normalize();

        normalized.MessageNames.ShouldBe(["Z", "A"]);
    }

    [Fact]
    public void Normalize_is_idempotent()
    {
        foreach (var file in Directory.GetFiles(Protoc.CorpusDirectory, "*.proto"))
        {
            var text = File.ReadAllText(file);
            var once = Format.Parse(text, ProtocOracleTests.CorpusReferences(text)).Normalize();

            once.Normalize().CanonicalText.ShouldBe(once.CanonicalText, Path.GetFileName(file));
        }
    }

    [Fact]
    public void Different_schemas_stay_different_after_normalizing()
    {
        var first = Format.Parse("syntax = \"proto3\";\nmessage M { int32 a = 1; }\n", []);
        var second = Format.Parse("syntax = \"proto3\";\nmessage M { int64 a = 1; }\n", []);

        first.Normalize().CanonicalText.ShouldNotBe(second.Normalize().CanonicalText);
    }
}
