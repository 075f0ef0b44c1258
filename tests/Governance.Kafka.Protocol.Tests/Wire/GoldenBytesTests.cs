using Governance.Kafka.Protocol.Messages;
using Governance.Kafka.Protocol.Wire;
using Shouldly;
using Xunit;

namespace Governance.Kafka.Protocol.Tests.Wire;

/// <summary>Byte sequences fixed by the protocol guide (docs/protocol.html) and KIP-482, written out by hand.</summary>
public sealed class GoldenBytesTests
{
    [Theory]
    [InlineData(0u, new byte[] { 0x00 })]
    [InlineData(1u, new byte[] { 0x01 })]
    [InlineData(127u, new byte[] { 0x7F })]
    [InlineData(128u, new byte[] { 0x80, 0x01 })]
    [InlineData(300u, new byte[] { 0xAC, 0x02 })]
    [InlineData(uint.MaxValue, new byte[] { 0xFF, 0xFF, 0xFF, 0xFF, 0x0F })]
    public void Unsigned_varints(uint value, byte[] expected)
    {
        var buffer = new byte[5];
        var length = Varint.WriteUnsigned(buffer, value);

        buffer[..length].ShouldBe(expected);
        Varint.SizeOfUnsigned(value).ShouldBe(expected.Length);
        Varint.TryReadUnsigned(expected, out var read, out var readLength).ShouldBeTrue();
        (read, readLength).ShouldBe((value, expected.Length));
    }

    [Fact]
    public void A_varint_longer_than_five_bytes_is_refused()
    {
        Should.Throw<KafkaProtocolException>(() => Varint.TryReadUnsigned([0x80, 0x80, 0x80, 0x80, 0x80, 0x01], out _, out _));
    }

    [Fact]
    public void Strings_bytes_and_arrays_in_classic_and_compact_form()
    {
        Write(flexible: false, w => { string? s = "abc"; w.NullableString(ref s); }).ShouldBe([0x00, 0x03, 0x61, 0x62, 0x63]);
        Write(flexible: true, w => { string? s = "abc"; w.NullableString(ref s); }).ShouldBe([0x04, 0x61, 0x62, 0x63]);
        Write(flexible: false, w => { string? s = null; w.NullableString(ref s); }).ShouldBe([0xFF, 0xFF]);
        Write(flexible: true, w => { string? s = null; w.NullableString(ref s); }).ShouldBe([0x00]);
        Write(flexible: false, w => { ReadOnlyMemory<byte>? b = null; w.NullableBytes(ref b); }).ShouldBe([0xFF, 0xFF, 0xFF, 0xFF]);
        Write(flexible: true, w => { var a = new List<int> { 1 }; w.Int32Array(ref a); }).ShouldBe([0x02, 0x00, 0x00, 0x00, 0x01]);
        Write(flexible: false, w => { var a = new List<int> { 1 }; w.Int32Array(ref a); }).ShouldBe([0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x01]);
    }

    [Fact]
    public void Tagged_fields_are_a_count_then_tag_size_and_data()
    {
        Write(flexible: true, w => { List<TaggedField>? t = null; w.TaggedFields(ref t); }).ShouldBe([0x00]);
        Write(flexible: true, w => { List<TaggedField>? t = [new(1, [0xAA])]; w.TaggedFields(ref t); }).ShouldBe([0x01, 0x01, 0x01, 0xAA]);
        Write(flexible: false, w => { List<TaggedField>? t = [new(1, [0xAA])]; w.TaggedFields(ref t); }).ShouldBeEmpty();
    }

    [Fact]
    public void Tagged_fields_out_of_order_are_refused()
    {
        var reader = new MessageReader(new byte[] { 0x02, 0x02, 0x00, 0x01, 0x00 }) { Flexible = true };
        List<TaggedField>? tags = null;

        Should.Throw<KafkaProtocolException>(() => reader.TaggedFields(ref tags)).Message.ShouldContain("ascending");
    }

    [Fact]
    public void A_request_header_v2_keeps_a_classic_client_id_and_adds_tags()
    {
        var header = new RequestHeader { ApiKey = 18, ApiVersion = 3, CorrelationId = 1, ClientId = "c" };
        using var writer = new MessageWriter();
        header.Write(writer, headerVersion: 2);

        writer.WrittenSpan.ToArray().ShouldBe([0x00, 0x12, 0x00, 0x03, 0x00, 0x00, 0x00, 0x01, 0x00, 0x01, 0x63, 0x00]);
    }

    [Fact]
    public void An_api_versions_v3_request_names_the_client_software_in_compact_strings()
    {
        var frame = new byte[]
        {
            0x00, 0x12, 0x00, 0x03, 0x00, 0x00, 0x00, 0x07, 0x00, 0x02, 0x6B, 0x63, 0x00, // header v2: key 18, v3, corr 7, "kc", no tags
            0x05, 0x6B, 0x63, 0x61, 0x74, 0x04, 0x31, 0x2E, 0x37, 0x00, // "kcat", "1.7", no tags
        };
        var reader = new MessageReader(frame);
        var header = RequestHeader.ReadFixedPart(reader);
        var api = ApiCatalog.Find(header.ApiKey)!;
        header.ReadTags(reader, api.RequestHeaderVersion(header.ApiVersion));
        var request = new ApiVersionsRequest();
        reader.Version = header.ApiVersion;
        reader.Flexible = api.IsFlexible(header.ApiVersion);
        request.Serialize(reader);

        (header.CorrelationId, header.ClientId).ShouldBe((7, "kc"));
        (request.ClientSoftwareName, request.ClientSoftwareVersion).ShouldBe(("kcat", "1.7"));
        reader.Remaining.ShouldBe(0);
    }

    [Fact]
    public void The_api_versions_response_always_uses_response_header_v0()
    {
        var api = ApiCatalog.Get(ApiKey.ApiVersions);

        api.ResponseHeaderVersion(3).ShouldBe((short)0);
        ApiCatalog.Get(ApiKey.Metadata).ResponseHeaderVersion(9).ShouldBe((short)1);
        ApiCatalog.Get(ApiKey.Metadata).ResponseHeaderVersion(8).ShouldBe((short)0);
    }

    [Fact]
    public void A_metadata_v0_request_for_one_topic()
    {
        var request = new MetadataRequest { Topics = [new() { Name = "t" }] };

        Write(flexible: false, request.Serialize).ShouldBe([0x00, 0x00, 0x00, 0x01, 0x00, 0x01, 0x74]);
    }

    [Fact]
    public void An_array_longer_than_the_frame_is_refused_before_allocating()
    {
        var reader = new MessageReader(new byte[] { 0x7F, 0xFF, 0xFF, 0xFF, 0x00 });
        var topics = new List<MetadataRequest.Topic>();

        Should.Throw<KafkaProtocolException>(() => reader.Array(ref topics)).Message.ShouldContain("cannot fit");
    }

    [Fact]
    public void A_negative_string_length_other_than_null_is_refused()
    {
        var reader = new MessageReader(new byte[] { 0xFF, 0xFE });
        string? value = null;

        Should.Throw<KafkaProtocolException>(() => reader.NullableString(ref value)).Message.ShouldContain("negative length");
    }

    [Fact]
    public void Advertised_ranges_start_at_zero_and_cover_what_librdkafka_needs()
    {
        // librdkafka before 2.11.1 enables features only when the range holds one exact version (shared notes).
        ApiCatalog.All.ShouldAllBe(a => a.MinVersion == 0);
        ApiCatalog.Get(ApiKey.Produce).Supports(3).ShouldBeTrue();
        ApiCatalog.Get(ApiKey.Fetch).Supports(4).ShouldBeTrue();
        ApiCatalog.Get(ApiKey.Produce).Supports(7).ShouldBeTrue();
        ApiCatalog.Get(ApiKey.Fetch).Supports(10).ShouldBeTrue();
        ApiCatalog.Get(ApiKey.ApiVersions).Supports(3).ShouldBeTrue();
    }

    private static byte[] Write(bool flexible, Action<MessageWriter> write)
    {
        using var writer = new MessageWriter { Flexible = flexible };
        write(writer);
        return writer.WrittenSpan.ToArray();
    }
}
