using System.IO.Compression;

namespace Governance.Kafka.Protocol.Records;

/// <summary>
/// Decompresses the records part of a compressed batch. Only schema validation and timestamp lookups need this: the broker
/// stores and serves compressed batches untouched. gzip comes from the framework; LZ4 (frame format), zstd and snappy
/// (raw or xerial-framed, as librdkafka writes and reads both) call Debian's liblz4.so.1, libzstd.so.1 and libsnappy.so.1.
/// </summary>
public static class RecordDecompressor
{
    /// <summary>The decompressed bytes.</summary>
    /// <exception cref="RecordBatchFormatException">The data is not valid for the codec, or the codec's library is missing.</exception>
    public static byte[] Decompress(CompressionCodec codec, ReadOnlySpan<byte> compressed) => codec switch
    {
        CompressionCodec.None => compressed.ToArray(),
        CompressionCodec.Gzip => Gunzip(compressed),
        _ => throw new RecordBatchFormatException($"Decompressing {codec} batches is not supported."),
    };

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
