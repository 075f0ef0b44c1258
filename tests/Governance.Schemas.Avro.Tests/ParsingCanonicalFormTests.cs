using Governance.Schemas.Avro.Text;
using Shouldly;

namespace Governance.Schemas.Avro.Tests;

/// <summary>
/// Parsing Canonical Form and CRC-64-AVRO fingerprints. The vectors are Apache Avro's cross-language test data
/// (share/test/data/schema-tests.txt, items 000 to 033): input, canonical form, and fingerprint as a signed 64-bit number.
/// </summary>
public sealed class ParsingCanonicalFormTests
{
    [Theory]
    [InlineData("\"null\"", "\"null\"", 7195948357588979594L)]
    [InlineData("{\"type\":\"null\"}", "\"null\"", 7195948357588979594L)]
    [InlineData("\"boolean\"", "\"boolean\"", -6970731678124411036L)]
    [InlineData("{\"type\":\"boolean\"}", "\"boolean\"", -6970731678124411036L)]
    [InlineData("\"int\"", "\"int\"", 8247732601305521295L)]
    [InlineData("{\"type\":\"int\"}", "\"int\"", 8247732601305521295L)]
    [InlineData("\"long\"", "\"long\"", -3434872931120570953L)]
    [InlineData("{\"type\":\"long\"}", "\"long\"", -3434872931120570953L)]
    [InlineData("\"float\"", "\"float\"", 5583340709985441680L)]
    [InlineData("{\"type\":\"float\"}", "\"float\"", 5583340709985441680L)]
    [InlineData("\"double\"", "\"double\"", -8181574048448539266L)]
    [InlineData("{\"type\":\"double\"}", "\"double\"", -8181574048448539266L)]
    [InlineData("\"bytes\"", "\"bytes\"", 5746618253357095269L)]
    [InlineData("{\"type\":\"bytes\"}", "\"bytes\"", 5746618253357095269L)]
    [InlineData("\"string\"", "\"string\"", -8142146995180207161L)]
    [InlineData("{\"type\":\"string\"}", "\"string\"", -8142146995180207161L)]
    [InlineData("[  ]", "[]", -1241056759729112623L)]
    [InlineData("[ \"int\"  ]", "[\"int\"]", -5232228896498058493L)]
    [InlineData("[ \"int\" , {\"type\":\"boolean\"} ]", "[\"int\",\"boolean\"]", 5392556393470105090L)]
    [InlineData("{\"fields\":[], \"type\":\"record\", \"name\":\"foo\"}", "{\"name\":\"foo\",\"type\":\"record\",\"fields\":[]}", -4824392279771201922L)]
    [InlineData("{\"fields\":[], \"type\":\"record\", \"name\":\"foo\", \"namespace\":\"x.y\"}", "{\"name\":\"x.y.foo\",\"type\":\"record\",\"fields\":[]}", 5916914534497305771L)]
    [InlineData("{\"fields\":[], \"type\":\"record\", \"name\":\"a.b.foo\", \"namespace\":\"x.y\"}", "{\"name\":\"a.b.foo\",\"type\":\"record\",\"fields\":[]}", -4616218487480524110L)]
    [InlineData("{\"fields\":[], \"type\":\"record\", \"name\":\"foo\", \"doc\":\"Useful info\"}", "{\"name\":\"foo\",\"type\":\"record\",\"fields\":[]}", -4824392279771201922L)]
    [InlineData("{\"fields\":[], \"type\":\"record\", \"name\":\"foo\", \"aliases\":[\"foo\",\"bar\"]}", "{\"name\":\"foo\",\"type\":\"record\",\"fields\":[]}", -4824392279771201922L)]
    [InlineData("{\"fields\":[], \"type\":\"record\", \"name\":\"foo\", \"doc\":\"foo\", \"aliases\":[\"foo\",\"bar\"]}", "{\"name\":\"foo\",\"type\":\"record\",\"fields\":[]}", -4824392279771201922L)]
    [InlineData("{\"fields\":[{\"type\":{\"type\":\"boolean\"}, \"name\":\"f1\"}], \"type\":\"record\", \"name\":\"foo\"}", "{\"name\":\"foo\",\"type\":\"record\",\"fields\":[{\"name\":\"f1\",\"type\":\"boolean\"}]}", 7843277075252814651L)]
    [InlineData("{ \"fields\":[{\"type\":\"boolean\", \"aliases\":[], \"name\":\"f1\", \"default\":true},\n{\"order\":\"descending\",\"name\":\"f2\",\"doc\":\"Hello\",\"type\":\"int\"}],\"type\":\"record\", \"name\":\"foo\"}", "{\"name\":\"foo\",\"type\":\"record\",\"fields\":[{\"name\":\"f1\",\"type\":\"boolean\"},{\"name\":\"f2\",\"type\":\"int\"}]}", -4860222112080293046L)]
    [InlineData("{\"type\":\"enum\", \"name\":\"foo\", \"symbols\":[\"A1\"]}", "{\"name\":\"foo\",\"type\":\"enum\",\"symbols\":[\"A1\"]}", -6342190197741309591L)]
    [InlineData("{\"namespace\":\"x.y.z\", \"type\":\"enum\", \"name\":\"foo\", \"doc\":\"foo bar\", \"symbols\":[\"A1\", \"A2\"]}", "{\"name\":\"x.y.z.foo\",\"type\":\"enum\",\"symbols\":[\"A1\",\"A2\"]}", -4448647247586288245L)]
    [InlineData("{\"name\":\"foo\",\"type\":\"fixed\",\"size\":15}", "{\"name\":\"foo\",\"type\":\"fixed\",\"size\":15}", 1756455273707447556L)]
    [InlineData("{\"namespace\":\"x.y.z\", \"type\":\"fixed\", \"name\":\"foo\", \"doc\":\"foo bar\", \"size\":32}", "{\"name\":\"x.y.z.foo\",\"type\":\"fixed\",\"size\":32}", -3064184465700546786L)]
    [InlineData("{ \"items\":{\"type\":\"null\"}, \"type\":\"array\"}", "{\"type\":\"array\",\"items\":\"null\"}", -589620603366471059L)]
    [InlineData("{ \"values\":\"string\", \"type\":\"map\"}", "{\"type\":\"map\",\"values\":\"string\"}", -8732877298790414990L)]
    [InlineData("{\"name\":\"PigValue\",\"type\":\"record\",\n   \"fields\":[{\"name\":\"value\", \"type\":[\"null\", \"int\", \"long\", \"PigValue\"]}]}", "{\"name\":\"PigValue\",\"type\":\"record\",\"fields\":[{\"name\":\"value\",\"type\":[\"null\",\"int\",\"long\",\"PigValue\"]}]}", -1759257747318642341L)]
    public void Matches_the_Avro_test_vectors(string input, string canonical, long fingerprint)
    {
        var schema = AvroFormat.ParseAvro(input, []);

        schema.ParsingCanonicalForm.ShouldBe(canonical);
        schema.Fingerprint.ShouldBe(fingerprint);
    }

    [Fact]
    public void Strips_logical_types_and_custom_properties_and_keeps_only_parsing_attributes()
    {
        var schema = AvroFormat.ParseAvro(
            "{\"type\":\"record\",\"name\":\"R\",\"namespace\":\"n\",\"x\":1,\"fields\":[{\"name\":\"t\",\"type\":{\"type\":\"long\",\"logicalType\":\"timestamp-millis\"},\"default\":0,\"x-pii\":true}]}",
            []);

        schema.ParsingCanonicalForm.ShouldBe("{\"name\":\"n.R\",\"type\":\"record\",\"fields\":[{\"name\":\"t\",\"type\":\"long\"}]}");
    }

    [Theory]
    [InlineData("", unchecked((long)RabinFingerprint.Empty))]
    [InlineData("hello world", 2906301498937520992L)]
    public void Fingerprints_raw_text_with_the_spec_algorithm(string text, long fingerprint) =>
        RabinFingerprint.Compute(text).ShouldBe(fingerprint);

    [Fact]
    public void Schemas_that_read_data_the_same_way_share_a_fingerprint()
    {
        var plain = AvroFormat.ParseAvro("{\"type\":\"record\",\"name\":\"R\",\"fields\":[{\"name\":\"a\",\"type\":\"int\"}]}", []);
        var documented = AvroFormat.ParseAvro("{\"type\":\"record\",\"name\":\"R\",\"doc\":\"d\",\"fields\":[{\"name\":\"a\",\"type\":\"int\",\"doc\":\"x\",\"default\":1}]}", []);
        var different = AvroFormat.ParseAvro("{\"type\":\"record\",\"name\":\"R\",\"fields\":[{\"name\":\"a\",\"type\":\"long\"}]}", []);

        documented.Fingerprint.ShouldBe(plain.Fingerprint);
        different.Fingerprint.ShouldNotBe(plain.Fingerprint);
    }
}
