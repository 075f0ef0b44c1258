using Governance.Broker.Log;
using Governance.Broker.Producers;

namespace Governance.Broker.Topics;

/// <summary>
/// One partition of a topic as the request handlers use it: produce (batch validation, idempotent sequence checks,
/// schema validation, append), fetch, list offsets and the producers that wrote to it.
/// </summary>
public sealed class Partition
{
    /// <summary>ListOffsets timestamp -2: the earliest offset.</summary>
    public const long EarliestTimestamp = -2;

    /// <summary>ListOffsets timestamp -1: the latest offset (log end).</summary>
    public const long LatestTimestamp = -1;

    /// <summary>ListOffsets timestamp -3 (KIP-734): the offset of the record with the largest timestamp.</summary>
    public const long MaxTimestamp = -3;

    public string Topic => throw new NotImplementedException();

    public int Id => throw new NotImplementedException();

    /// <summary>The partition's log (offsets, reads, long-poll waits).</summary>
    public PartitionLog Log => throw new NotImplementedException();

    /// <summary>
    /// Produce to this partition: validates the batches (CORRUPT_MESSAGE with the reason), checks idempotent sequences
    /// (duplicates answered with their original offset, OUT_OF_ORDER_SEQUENCE_NUMBER, INVALID_PRODUCER_EPOCH), runs schema
    /// validation when the topic asks for it (INVALID_RECORD naming the record), then appends. The bytes are in the segment
    /// file when the task completes. <paramref name="records"/> is modified in place (offsets assigned).
    /// </summary>
    public ValueTask<ProduceResult> AppendAsync(Memory<byte> records, CancellationToken cancellationToken) => throw new NotImplementedException();

    /// <summary>Fetch: whole batches from the one containing <paramref name="fetchOffset"/> (see <see cref="PartitionLog.Read"/>).</summary>
    /// <exception cref="OffsetOutOfRangeException">The offset is outside the log.</exception>
    public LogReadResult Read(long fetchOffset, int maxBytes) => throw new NotImplementedException();

    /// <summary>ListOffsets: <see cref="EarliestTimestamp"/>, <see cref="LatestTimestamp"/>, <see cref="MaxTimestamp"/> or a timestamp in ms.</summary>
    public ListOffsetResult ListOffset(long timestamp) => throw new NotImplementedException();

    /// <summary>DescribeProducers: the idempotent producers this partition remembers.</summary>
    public IReadOnlyList<ProducerState> ActiveProducers() => throw new NotImplementedException();
}
