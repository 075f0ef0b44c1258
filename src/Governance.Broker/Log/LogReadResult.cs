using System.Buffers;

namespace Governance.Broker.Log;

/// <summary>
/// What a fetch read from a partition: whole record batches starting with the one that contains the fetch offset
/// (possibly empty when the fetch offset is the log end), plus the offsets a Fetch response reports.
/// </summary>
/// <param name="Records">Batches exactly as stored; empty when nothing is at or after the fetch offset.</param>
/// <param name="HighWatermark">The log end offset (on one node every appended record is committed).</param>
/// <param name="LogStartOffset">The first offset still in the log.</param>
public readonly record struct LogReadResult(ReadOnlyMemory<byte> Records, long HighWatermark, long LogStartOffset)
{
    /// <summary>The array <see cref="Records"/> lives in when it was rented from <see cref="ArrayPool{T}.Shared"/>.</summary>
    internal byte[]? RentedBuffer { get; init; }

    /// <summary>
    /// Gives the records' buffer back to the pool once they have been copied out (a Fetch response written into the
    /// send buffer); <see cref="Records"/> must not be used afterwards. Not calling it only costs the pool a buffer.
    /// </summary>
    public void Release()
    {
        if (RentedBuffer is { } buffer)
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
