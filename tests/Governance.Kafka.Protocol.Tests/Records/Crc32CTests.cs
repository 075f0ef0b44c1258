using Governance.Kafka.Protocol.Records;
using Shouldly;
using Xunit;

namespace Governance.Kafka.Protocol.Tests.Records;

public sealed class Crc32CTests
{
    [Fact]
    public void Matches_the_standard_check_value()
    {
        Crc32C.Compute("123456789"u8).ShouldBe(0xE3069283u);
        Crc32C.Compute([]).ShouldBe(0u);
    }

    /// <summary>
    /// Lengths around the three-stream blocks (3 x 1024 bytes) and their multiples, at unaligned starts, against the
    /// CRC-32C written out bit by bit from its polynomial.
    /// </summary>
    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(3071)]
    [InlineData(3072)]
    [InlineData(3073)]
    [InlineData(6144)]
    [InlineData(6151)]
    [InlineData(100_003)]
    public void Large_inputs_match_the_bitwise_definition(int length)
    {
        var data = new byte[length + 3];
        new Random(length).NextBytes(data);
        for (var start = 0; start < 3; start++)
        {
            var slice = data.AsSpan(start, length);
            Crc32C.Compute(slice).ShouldBe(Bitwise(slice), $"length {length} starting at {start}");
        }
    }

    [Fact]
    public void A_flipped_bit_anywhere_in_a_large_input_changes_the_checksum()
    {
        var data = new byte[10_000];
        new Random(1).NextBytes(data);
        var original = Crc32C.Compute(data);
        foreach (var position in new[] { 0, 1023, 1024, 2048, 3071, 3072, 9999 })
        {
            data[position] ^= 0x10;
            Crc32C.Compute(data).ShouldNotBe(original, $"bit flipped at {position}");
            data[position] ^= 0x10;
        }
    }

    // Reflected polynomial 0x82F63B78 (Castagnoli), initial value and final xor 0xFFFFFFFF.
    private static uint Bitwise(ReadOnlySpan<byte> data)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in data)
        {
            crc ^= b;
            for (var bit = 0; bit < 8; bit++)
            {
                crc = (crc & 1) != 0 ? (crc >> 1) ^ 0x82F63B78u : crc >> 1;
            }
        }
        return ~crc;
    }
}
