namespace Governance.Kafka.Protocol.Records;

/// <summary>
/// A RecordBatch that cannot be accepted: wrong magic, bad CRC, lengths that do not add up, truncated or malformed records.
/// The message names the field and the byte position where the problem is; the broker answers CORRUPT_MESSAGE
/// (or INVALID_RECORD for record-level problems) with it.
/// </summary>
public sealed class RecordBatchFormatException : Exception
{
    public RecordBatchFormatException(string message)
        : base(message)
    {
    }

    public RecordBatchFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public RecordBatchFormatException()
    {
    }
}
