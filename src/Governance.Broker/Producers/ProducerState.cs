namespace Governance.Broker.Producers;

/// <summary>
/// What a partition knows about one idempotent producer (DescribeProducers, KIP-664): its epoch, the sequence and
/// timestamp of its last batch, and the offset that batch was written at. No transactions: CoordinatorEpoch and
/// CurrentTxnStartOffset are always -1.
/// </summary>
public sealed record ProducerState(long ProducerId, short ProducerEpoch, int LastSequence, long LastTimestamp, long LastOffset)
{
    public int CoordinatorEpoch => -1;

    public long CurrentTxnStartOffset => -1;
}
