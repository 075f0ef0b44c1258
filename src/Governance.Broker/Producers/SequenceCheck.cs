using Governance.Kafka.Protocol;

namespace Governance.Broker.Producers;

/// <summary>
/// The outcome of checking an idempotent batch against its producer's state (Kafka ProducerAppendInfo.checkSequence):
/// append it, acknowledge it as a duplicate of an earlier append (with that append's offsets), or refuse it.
/// </summary>
/// <param name="ErrorCode">None for append and duplicate; OUT_OF_ORDER_SEQUENCE_NUMBER, INVALID_PRODUCER_EPOCH or UNKNOWN_PRODUCER_ID otherwise.</param>
/// <param name="DuplicateFirstOffset">For a duplicate, the offset the original batch was written at; -1 otherwise.</param>
/// <param name="ErrorMessage">Why the batch was refused, naming the producer, epoch and sequences.</param>
public readonly record struct SequenceCheck(ErrorCode ErrorCode, long DuplicateFirstOffset, string? ErrorMessage)
{
    public static SequenceCheck Append => new(ErrorCode.None, -1, null);

    public bool IsDuplicate => DuplicateFirstOffset >= 0;
}
