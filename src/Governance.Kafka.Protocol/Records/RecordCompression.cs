using System.Buffers;
using System.IO.Compression;
using K4os.Compression.LZ4;
using K4os.Compression.LZ4.Streams;
using ZstdSharp;

namespace Governance.Kafka.Protocol.Records;

/// <summary>
/// The records part of a batch in each of Kafka's codecs (docs/implementation.html, "Record Batch": attributes bits 0-2).
/// gzip comes from the framework; snappy from Snappier (raw, or xerial-framed as the Java client writes it: see
/// <see cref="XerialSnappy"/>); lz4 is the LZ4 frame format (KIP-57) from K4os.Compression.LZ4.Streams; zstd from
/// ZstdSharp. The broker decompresses for schema validation and timestamp lookups, and compresses when a topic's
/// compression.type names a codec other than the producer's.
/// </summary>
public static class RecordCompression
{
    /// <summary>Kafka's default zstd level (compression.zstd.level, KIP-390).</summary>
    private const int ZstdLevel = 3;

    // As Kafka's Java producer writes LZ4 (KafkaLZ4BlockOutputStream): 64 KiB independent blocks, no checksums, no content size.
    private static readonly LZ4EncoderSettings Lz4Settings = new()
    {
        BlockSize = 64 * 1024,
        ChainBlocks = false,
        ContentChecksum = false,
        BlockChecksum = false,
        CompressionLevel = LZ4Level.L00_FAST,
    };

    /// <summary>The decompressed bytes.</summary>
    /// <exception cref="RecordBatchFormatException">The data is not valid for the codec, naming the codec and why.</exception>
    public static byte[] Decompress(CompressionCodec codec, ReadOnlySpan<byte> compressed)
    {
        try
        {
            return codec switch
            {
                CompressionCodec.None => compressed.ToArray(),
                CompressionCodec.Gzip => Gunzip(compressed),
                CompressionCodec.Snappy => XerialSnappy.Decompress(compressed),
                CompressionCodec.Lz4 => DecodeLz4(compressed),
                CompressionCodec.Zstd => DecodeZstd(compressed),
                _ => throw new RecordBatchFormatException($"Compression codec {(int)codec} is unknown."),
            };
        }
        catch (Exception e) when (e is InvalidDataException or InvalidOperationException or ArgumentException or IndexOutOfRangeException or OverflowException or ZstdException or EndOfStreamException or IOException)
        {
            throw new RecordBatchFormatException($"The {Name(codec)}-compressed records are not valid {Name(codec)}: {e.Message}", e);
        }
    }

    /// <summary>The compressed form of <paramref name="data"/>, as a Kafka producer writes it.</summary>
    public static byte[] Compress(CompressionCodec codec, ReadOnlySpan<byte> data) => codec switch
    {
        CompressionCodec.None => data.ToArray(),
        CompressionCodec.Gzip => Gzip(data),
        CompressionCodec.Snappy => XerialSnappy.Compress(data),
        CompressionCodec.Lz4 => EncodeLz4(data),
        CompressionCodec.Zstd => EncodeZstd(data),
        _ => throw new ArgumentOutOfRangeException(nameof(codec), codec, "unknown compression codec"),
    };

    /// <summary>The codec's name as Kafka's compression.type spells it.</summary>
    public static string Name(CompressionCodec codec) => codec switch
    {
        CompressionCodec.None => "uncompressed",
        CompressionCodec.Gzip => "gzip",
        CompressionCodec.Snappy => "snappy",
        CompressionCodec.Lz4 => "lz4",
        CompressionCodec.Zstd => "zstd",
        _ => $"codec {(int)codec}",
    };

    private static byte[] Gunzip(ReadOnlySpan<byte> compressed)
    {
        using var input = new MemoryStream(compressed.ToArray());
        using var gzip = new GZipStream(input, CompressionMode.Decompress);
        using var output = new MemoryStream();
        gzip.CopyTo(output);
        return output.ToArray();
    }

    private static byte[] Gzip(ReadOnlySpan<byte> data)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Fastest, leaveOpen: true))
        {
            gzip.Write(data);
        }

        return output.ToArray();
    }

    private static byte[] DecodeLz4(ReadOnlySpan<byte> compressed)
    {
        var output = new ArrayBufferWriter<byte>(Math.Max(256, compressed.Length * 2));
        LZ4Frame.Decode(compressed, output);
        return output.WrittenSpan.ToArray();
    }

    private static byte[] EncodeLz4(ReadOnlySpan<byte> data)
    {
        var output = new ArrayBufferWriter<byte>(data.Length + 64);
        LZ4Frame.Encode(data, output, Lz4Settings);
        return output.WrittenSpan.ToArray();
    }

    // The streaming decoder also reads frames that do not record their content size (librdkafka's streaming writer).
    private static byte[] DecodeZstd(ReadOnlySpan<byte> compressed)
    {
        using var input = new MemoryStream(compressed.ToArray());
        using var zstd = new DecompressionStream(input);
        using var output = new MemoryStream();
        zstd.CopyTo(output);
        return output.ToArray();
    }

    private static byte[] EncodeZstd(ReadOnlySpan<byte> data)
    {
        using var compressor = new Compressor(ZstdLevel);
        return compressor.Wrap(data).ToArray();
    }
}
