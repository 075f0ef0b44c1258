using Governance.Kafka.Protocol.Wire;
using Shouldly;
using Xunit;

namespace Governance.Kafka.Protocol.Tests.Wire;

/// <summary>
/// Bytes fields at or above the splice threshold are handed out by reference between the buffer's pieces; joined,
/// the pieces are exactly what a writer without splicing produces, frame sizes patched after a splice included.
/// </summary>
public sealed class MessageWriterSpliceTests
{
    [Fact]
    public void Spliced_output_joins_to_the_same_bytes_as_copied_output()
    {
        var large = Enumerable.Range(0, 5000).Select(i => (byte)i).ToArray();
        var small = new byte[] { 1, 2, 3 };

        var copied = Write(int.MaxValue, large, small, out var copiedSegments);
        var spliced = Write(1000, large, small, out var splicedSegments);

        copiedSegments.ShouldBe(1);
        splicedSegments.ShouldBe(5, "frame header, large field, more buffer, large field again, buffer tail");
        spliced.ShouldBe(copied);
    }

    [Fact]
    public void A_spliced_field_is_the_callers_memory_not_a_copy()
    {
        var large = new byte[2000];
        using var writer = new MessageWriter { SpliceThreshold = 1000 };
        ReadOnlyMemory<byte>? field = large;
        writer.NullableBytes(ref field);
        var segments = new List<ReadOnlyMemory<byte>>();
        writer.GetSegments(segments);

        large[0] = 42;

        segments[1].Span[0].ShouldBe((byte)42);
        writer.Position.ShouldBe(4 + 2000);
    }

    [Fact]
    public void The_written_bytes_as_one_piece_are_refused_once_something_was_spliced()
    {
        using var writer = new MessageWriter { SpliceThreshold = 10 };
        ReadOnlyMemory<byte>? field = new byte[10];
        writer.NullableBytes(ref field);

        Should.Throw<InvalidOperationException>(() => writer.WrittenMemory).Message.ShouldContain("GetSegments");
    }

    [Fact]
    public void Clear_forgets_the_splices()
    {
        using var writer = new MessageWriter { SpliceThreshold = 10 };
        ReadOnlyMemory<byte>? field = new byte[10];
        writer.NullableBytes(ref field);
        writer.Clear();
        var value = 7;
        writer.Int32(ref value);

        writer.WrittenSpan.ToArray().ShouldBe([0, 0, 0, 7]);
        writer.Position.ShouldBe(4);
    }

    /// <summary>Two frames, each a size prefix patched after a large field was written.</summary>
    private static byte[] Write(int spliceThreshold, byte[] large, byte[] small, out int segmentCount)
    {
        using var writer = new MessageWriter { SpliceThreshold = spliceThreshold };
        for (var frame = 0; frame < 2; frame++)
        {
            var sizePosition = writer.Position;
            writer.Advance(4);
            ReadOnlyMemory<byte>? largeField = large;
            ReadOnlyMemory<byte>? smallField = small;
            writer.NullableBytes(ref largeField);
            writer.NullableBytes(ref smallField);
            writer.PatchInt32(sizePosition, writer.Position - sizePosition - 4);
        }
        var segments = new List<ReadOnlyMemory<byte>>();
        writer.GetSegments(segments);
        segmentCount = segments.Count;
        return segments.SelectMany(segment => segment.ToArray()).ToArray();
    }
}
