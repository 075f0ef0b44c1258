using System.IO.Compression;

namespace Governance.Kafka.Protocol.Records;

/// <summary>
/// Decompresses the records part of a compressed batch. Only schema validation and timestamp lookups need this: the broker
/// stores and serves compressed batches untouched. gzip comes from the framework; snappy
/// (raw or xerial-framed, as librdkafka writes and reads both) is decoded in managed code; LZ4 (frame format) and zstd
/// call Debian's liblz4.so.1 and libzstd.so.1.
/// </summary>
public static class RecordDecompressor
{
    /// <summary>The decompressed bytes.</summary>
    /// <exception cref="RecordBatchFormatException">The data is not valid for the codec, or the codec's library is missing.</exception>
    public static byte[] Decompress(CompressionCodec codec, ReadOnlySpan<byte> compressed) => codec switch
    {
        CompressionCodec.None => compressed.ToArray(),
        CompressionCodec.Gzip => Gunzip(compressed),
        CompressionCodec.Snappy => Snappy.Decompress(compressed),
        CompressionCodec.Lz4 => Native(codec, compressed, NativeCodecs.DecompressLz4Frame),
        CompressionCodec.Zstd => Native(codec, compressed, NativeCodecs.DecompressZstd),
        _ => throw new RecordBatchFormatException($"Compression codec {(int)codec} is unknown."),
    };

    private delegate byte[] Decoder(ReadOnlySpan<byte> compressed);

    private static byte[] Native(CompressionCodec codec, ReadOnlySpan<byte> compressed, Decoder decoder)
    {
        try
        {
            return decoder(compressed);
        }
        catch (DllNotFoundException e)
        {
            throw new RecordBatchFormatException($"{codec} batches cannot be decompressed here: the native library is missing ({e.Message}).", e);
        }
    }

    private static byte[] Gunzip(ReadOnlySpan<byte> compressed)
    {
        try
        {
            using var input = new MemoryStream(compressed.ToArray());
            using var gzip = new GZipStream(input, CompressionMode.Decompress);
            using var output = new MemoryStream();
            gzip.CopyTo(output);
            return output.ToArray();
        }
        catch (InvalidDataException e)
        {
            throw new RecordBatchFormatException($"The gzip-compressed records are not valid gzip: {e.Message}", e);
        }
    }
}
