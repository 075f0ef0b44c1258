namespace Governance.Schemas.Protobuf.Tests;

public sealed class MessageIndexWireFormatTests
{
    [Fact]
    public void First_top_level_message_is_a_single_zero_byte()
    {
        MessageIndexWireFormat.Encode([0]).ShouldBe([0x00]);
        MessageIndexWireFormat.Decode([0x00, 0x99], out var consumed).ShouldBe([0]);
        consumed.ShouldBe(1);
    }

    [Fact]
    public void Nested_path_is_a_zigzag_count_then_zigzag_indexes()
    {
        // count 2 -> 4, index 0 -> 0, index 1 -> 2; then the payload follows.
        var bytes = MessageIndexWireFormat.Encode([0, 1]);

        bytes.ShouldBe([0x04, 0x00, 0x02]);
        MessageIndexWireFormat.Decode([.. bytes, 0x0A], out var consumed).ShouldBe([0, 1]);
        consumed.ShouldBe(3);
    }

    [Fact]
    public void Large_indexes_take_several_bytes()
    {
        var bytes = MessageIndexWireFormat.Encode([300]);

        bytes.ShouldBe([0x02, 0xD8, 0x04]);
        MessageIndexWireFormat.Decode(bytes, out _).ShouldBe([300]);
    }

    [Fact]
    public void Indexes_of_a_parsed_schema_round_trip()
    {
        var schema = (ProtobufSchema)new ProtobufFormat().Parse(
            "syntax = \"proto3\";\nmessage A { message B { message C {} } message D {} }\nmessage E {}\n", []);

        foreach (var name in schema.MessageNames)
        {
            var decoded = MessageIndexWireFormat.Decode(MessageIndexWireFormat.Encode(schema.MessageIndexesOf(name)), out _);
            schema.MessageNameAt(decoded).ShouldBe(name);
        }
    }

    [Fact]
    public void Truncated_or_negative_input_is_refused()
    {
        Should.Throw<FormatException>(() => MessageIndexWireFormat.Decode([0x04, 0x00], out _));
        Should.Throw<FormatException>(() => MessageIndexWireFormat.Decode([0x80], out _));
        Should.Throw<FormatException>(() => MessageIndexWireFormat.Decode([0x01], out _));
    }
}
