using System.Runtime.InteropServices;

namespace Governance.Kafka.Protocol.Records;

/// <summary>
/// The LZ4 frame (lz4frame.h) and zstd streaming (zstd.h) decompression APIs of Debian's liblz4.so.1 and libzstd.so.1,
/// called through P/Invoke: no NuGet package for them restores here (shared/ENVIRONMENT.md). Buffers are pinned managed
/// arrays, so no unsafe code is needed.
/// </summary>
internal static class NativeCodecs
{
    private const string Lz4Library = "liblz4.so.1";
    private const string ZstdLibrary = "libzstd.so.1";

    /// <summary>LZ4F_VERSION from lz4frame.h.</summary>
    private const uint Lz4FrameVersion = 100;

    private const int ChunkSize = 64 * 1024;

    /// <summary>Decompresses one or more LZ4 frames (Kafka's lz4 codec: the LZ4 frame format, KIP-57).</summary>
    public static byte[] DecompressLz4Frame(ReadOnlySpan<byte> compressed)
    {
        CheckLz4(Lz4FCreateDecompressionContext(out var context, Lz4FrameVersion), "LZ4F_createDecompressionContext");
        try
        {
            var source = compressed.ToArray();
            var chunk = new byte[ChunkSize];
            using var output = new MemoryStream(source.Length * 4);
            var consumed = 0;
            while (consumed < source.Length)
            {
                var sourceSize = (nuint)(source.Length - consumed);
                var destinationSize = (nuint)chunk.Length;
                CheckLz4(Lz4FDecompress(context, ref chunk[0], ref destinationSize, ref source[consumed], ref sourceSize, IntPtr.Zero), "LZ4F_decompress");
                if (sourceSize == 0 && destinationSize == 0)
                {
                    throw new RecordBatchFormatException($"The LZ4 frame stops making progress at byte {consumed} of {source.Length}.");
                }

                output.Write(chunk, 0, (int)destinationSize);
                consumed += (int)sourceSize;
            }

            return output.ToArray();
        }
        finally
        {
            Lz4FFreeDecompressionContext(context);
        }
    }

    /// <summary>Decompresses zstd frames with the streaming API, which also handles frames that do not record their size.</summary>
    public static byte[] DecompressZstd(ReadOnlySpan<byte> compressed)
    {
        var stream = ZstdCreateDStream();
        if (stream == IntPtr.Zero)
        {
            throw new RecordBatchFormatException("ZSTD_createDStream failed.");
        }

        var source = GCHandle.Alloc(compressed.ToArray(), GCHandleType.Pinned);
        var chunk = new byte[ChunkSize];
        var destination = GCHandle.Alloc(chunk, GCHandleType.Pinned);
        try
        {
            CheckZstd(ZstdInitDStream(stream), "ZSTD_initDStream");
            using var output = new MemoryStream(compressed.Length * 4);
            var input = new ZstdBuffer { Pointer = source.AddrOfPinnedObject(), Size = (nuint)compressed.Length };
            while (true)
            {
                var buffer = new ZstdBuffer { Pointer = destination.AddrOfPinnedObject(), Size = (nuint)chunk.Length };
                var hint = ZstdDecompressStream(stream, ref buffer, ref input);
                CheckZstd(hint, "ZSTD_decompressStream");
                output.Write(chunk, 0, (int)buffer.Position);
                if (input.Position == input.Size && buffer.Position < buffer.Size)
                {
                    // hint 0: the last frame is complete; otherwise the input ended inside a frame.
                    return hint == 0 ? output.ToArray() : throw new RecordBatchFormatException("The zstd-compressed records end in the middle of a frame.");
                }
            }
        }
        finally
        {
            source.Free();
            destination.Free();
            ZstdFreeDStream(stream);
        }
    }

    private static void CheckLz4(nuint code, string function)
    {
        if (Lz4FIsError(code) != 0)
        {
            throw new RecordBatchFormatException($"The LZ4-compressed records are not a valid LZ4 frame: {function} failed with {Marshal.PtrToStringAnsi(Lz4FGetErrorName(code))}.");
        }
    }

    private static void CheckZstd(nuint code, string function)
    {
        if (ZstdIsError(code) != 0)
        {
            throw new RecordBatchFormatException($"The zstd-compressed records are not valid zstd: {function} failed with {Marshal.PtrToStringAnsi(ZstdGetErrorName(code))}.");
        }
    }

    [DllImport(Lz4Library, EntryPoint = "LZ4F_createDecompressionContext")]
    private static extern nuint Lz4FCreateDecompressionContext(out IntPtr context, uint version);

    [DllImport(Lz4Library, EntryPoint = "LZ4F_freeDecompressionContext")]
    private static extern nuint Lz4FFreeDecompressionContext(IntPtr context);

    [DllImport(Lz4Library, EntryPoint = "LZ4F_decompress")]
    private static extern nuint Lz4FDecompress(IntPtr context, ref byte destination, ref nuint destinationSize, ref byte source, ref nuint sourceSize, IntPtr options);

    [DllImport(Lz4Library, EntryPoint = "LZ4F_isError")]
    private static extern uint Lz4FIsError(nuint code);

    [DllImport(Lz4Library, EntryPoint = "LZ4F_getErrorName")]
    private static extern IntPtr Lz4FGetErrorName(nuint code);

    [DllImport(ZstdLibrary, EntryPoint = "ZSTD_createDStream")]
    private static extern IntPtr ZstdCreateDStream();

    [DllImport(ZstdLibrary, EntryPoint = "ZSTD_initDStream")]
    private static extern nuint ZstdInitDStream(IntPtr stream);

    [DllImport(ZstdLibrary, EntryPoint = "ZSTD_freeDStream")]
    private static extern nuint ZstdFreeDStream(IntPtr stream);

    [DllImport(ZstdLibrary, EntryPoint = "ZSTD_decompressStream")]
    private static extern nuint ZstdDecompressStream(IntPtr stream, ref ZstdBuffer output, ref ZstdBuffer input);

    [DllImport(ZstdLibrary, EntryPoint = "ZSTD_isError")]
    private static extern uint ZstdIsError(nuint code);

    [DllImport(ZstdLibrary, EntryPoint = "ZSTD_getErrorName")]
    private static extern IntPtr ZstdGetErrorName(nuint code);

    /// <summary>ZSTD_inBuffer and ZSTD_outBuffer share one layout: { void* buffer; size_t size; size_t pos; }.</summary>
    [StructLayout(LayoutKind.Sequential)]
    private struct ZstdBuffer
    {
        public IntPtr Pointer;
        public nuint Size;
        public nuint Position;
    }
}
