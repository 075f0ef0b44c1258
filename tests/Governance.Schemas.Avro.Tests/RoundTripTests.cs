using Shouldly;

namespace Governance.Schemas.Avro.Tests;

/// <summary>Invariants over every schema of the golden cases: rendering and normalizing are stable and keep the meaning.</summary>
public sealed class RoundTripTests
{
    public static TheoryData<string> Cases => GoldenCase.Names();

    private static IEnumerable<AvroSchema> Schemas(string id)
    {
        var golden = GoldenCase.Find(id);
        return [golden.ParseOld(), golden.ParseNew()];
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Canonical_text_parses_back_to_itself(string id)
    {
        var golden = GoldenCase.Find(id);
        foreach (var schema in Schemas(id))
        {
            AvroFormat.ParseAvro(schema.CanonicalText, golden.References).CanonicalText.ShouldBe(schema.CanonicalText);
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Normalizing_is_idempotent_and_keeps_the_parsing_form(string id)
    {
        foreach (var schema in Schemas(id))
        {
            var normalized = (AvroSchema)schema.Normalize();

            ((AvroSchema)normalized.Normalize()).CanonicalText.ShouldBe(normalized.CanonicalText);
            normalized.ParsingCanonicalForm.ShouldBe(schema.ParsingCanonicalForm);
            normalized.CheckBackwardCompatibility(schema).ShouldBeEmpty();
            schema.CheckBackwardCompatibility(normalized).ShouldBeEmpty();
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void The_resolved_format_parses_without_references(string id)
    {
        foreach (var schema in Schemas(id))
        {
            var resolved = AvroFormat.ParseAvro(schema.FormatAs("resolved")!, []);

            resolved.ParsingCanonicalForm.ShouldBe(schema.ParsingCanonicalForm);
        }
    }
}
