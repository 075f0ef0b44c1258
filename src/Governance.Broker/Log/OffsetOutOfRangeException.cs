namespace Governance.Broker.Log;

/// <summary>A fetch asked for an offset below the log start or above the log end (OFFSET_OUT_OF_RANGE).</summary>
public sealed class OffsetOutOfRangeException : Exception
{
    public OffsetOutOfRangeException(long offset, long logStartOffset, long logEndOffset)
        : base($"Offset {offset} is out of range: the log holds offsets {logStartOffset} to {logEndOffset - 1} (log end {logEndOffset}).")
    {
        Offset = offset;
        LogStartOffset = logStartOffset;
        LogEndOffset = logEndOffset;
    }

    public OffsetOutOfRangeException()
    {
    }

    public OffsetOutOfRangeException(string message)
        : base(message)
    {
    }

    public OffsetOutOfRangeException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public long Offset { get; }

    public long LogStartOffset { get; }

    public long LogEndOffset { get; }
}
