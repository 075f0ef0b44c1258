namespace Governance.Broker.Log;

/// <summary>What an append did: the offsets the broker assigned, and the append time when the topic uses LogAppendTime.</summary>
/// <param name="FirstOffset">Offset of the first record appended (the base offset answered to Produce).</param>
/// <param name="LastOffset">Offset of the last record appended.</param>
/// <param name="LogAppendTime">The broker time stamped into the batches, or -1 for CreateTime topics.</param>
/// <param name="LogStartOffset">The log start offset after the append (Produce v5+).</param>
public readonly record struct LogAppendInfo(long FirstOffset, long LastOffset, long LogAppendTime, long LogStartOffset)
{
    public long RecordCount => LastOffset - FirstOffset + 1;
}
