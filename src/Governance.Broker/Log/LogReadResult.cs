namespace Governance.Broker.Log;

/// <summary>
/// What a fetch read from a partition: whole record batches starting with the one that contains the fetch offset
/// (possibly empty when the fetch offset is the log end), plus the offsets a Fetch response reports.
/// </summary>
/// <param name="Records">Batches exactly as stored; empty when nothing is at or after the fetch offset.</param>
/// <param name="HighWatermark">The log end offset (on one node every appended record is committed).</param>
/// <param name="LogStartOffset">The first offset still in the log.</param>
public readonly record struct LogReadResult(ReadOnlyMemory<byte> Records, long HighWatermark, long LogStartOffset);
