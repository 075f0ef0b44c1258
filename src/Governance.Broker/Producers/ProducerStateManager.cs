using Governance.Kafka.Protocol.Records;

namespace Governance.Broker.Producers;

/// <summary>
/// The idempotent producer state of one partition (KIP-98; Kafka ProducerStateManager): per producer id its epoch and
/// the metadata of its last 5 batches, so a retried batch is acknowledged with its original offset instead of being
/// appended twice, a sequence gap is refused with OUT_OF_ORDER_SEQUENCE_NUMBER and an old epoch with INVALID_PRODUCER_EPOCH.
/// Rebuilt on open from a snapshot written at clean shutdown plus the batch headers after it.
/// Not thread-safe: the owning partition serializes appends.
/// </summary>
public sealed class ProducerStateManager
{
    /// <summary>Batches remembered per producer for duplicate detection (Kafka ProducerStateEntry.NUM_BATCHES_TO_RETAIN).</summary>
    public const int BatchesToRetain = 5;

    /// <summary>Checks a batch before it is appended; batches without a producer id always pass.</summary>
    public SequenceCheck Check(in RecordBatchHeader batch)
    {
        throw new NotImplementedException();
    }

    /// <summary>Records a batch that was appended at <paramref name="firstOffset"/> (or found in the log on recovery).</summary>
    public void Update(in RecordBatchHeader batch, long firstOffset)
    {
        throw new NotImplementedException();
    }

    /// <summary>The producers that wrote to this partition and are still remembered (DescribeProducers).</summary>
    public IReadOnlyList<ProducerState> ActiveProducers()
    {
        throw new NotImplementedException();
    }
}
