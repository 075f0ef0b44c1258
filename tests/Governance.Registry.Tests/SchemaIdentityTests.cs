using Shouldly;

namespace Governance.Registry.Tests;

public sealed class SchemaIdentityTests
{
    private static readonly SchemaReference[] References = [new("a.B", "b-value", 1), new("a.C", "c-value", 2)];

    [Fact]
    public void Metadata_and_rule_set_count_by_content_not_whitespace()
    {
        SchemaIdentity.Hash("AVRO", "\"int\"", [], "{ \"properties\": {\"k\": \"v\"} }", null)
            .ShouldBe(SchemaIdentity.Hash("avro", "\"int\"", [], "{\"properties\":{\"k\":\"v\"}}", "null"));
    }

    [Theory]
    [InlineData("PROTOBUF", "\"int\"", "{\"properties\":{\"k\":\"v\"}}", null)]
    [InlineData("AVRO", "\"long\"", "{\"properties\":{\"k\":\"v\"}}", null)]
    [InlineData("AVRO", "\"int\"", "{\"properties\":{\"k\":\"w\"}}", null)]
    [InlineData("AVRO", "\"int\"", "{\"properties\":{\"k\":\"v\"}}", "{}")]
    [InlineData("AVRO", "\"int\"", null, "{\"properties\":{\"k\":\"v\"}}")]
    public void Every_part_of_the_identity_counts(string type, string text, string? metadata, string? ruleSet)
    {
        SchemaIdentity.Hash(type, text, References, metadata, ruleSet)
            .ShouldNotBe(SchemaIdentity.Hash("AVRO", "\"int\"", References, "{\"properties\":{\"k\":\"v\"}}", null));
    }

    [Fact]
    public void References_count_with_their_order_and_versions()
    {
        var hash = SchemaIdentity.Hash("AVRO", "\"int\"", References, null, null);

        SchemaIdentity.Hash("AVRO", "\"int\"", [References[1], References[0]], null, null).ShouldNotBe(hash);
        SchemaIdentity.Hash("AVRO", "\"int\"", [References[0], References[1] with { Version = 3 }], null, null).ShouldNotBe(hash);
        SchemaIdentity.Hash("AVRO", "\"int\"", [.. References], null, null).ShouldBe(hash);
    }

    [Fact]
    public void Parts_cannot_collide_by_concatenation()
    {
        SchemaIdentity.Hash("AVRO", "ab", [new("c", "d", 1)], null, null)
            .ShouldNotBe(SchemaIdentity.Hash("AVRO", "a", [new("bc", "d", 1)], null, null));
    }
}
