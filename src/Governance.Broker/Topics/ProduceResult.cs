using Governance.Broker.Validation;
using Governance.Kafka.Protocol;

namespace Governance.Broker.Topics;

/// <summary>The Produce response for one partition.</summary>
/// <param name="BaseOffset">The offset of the first appended record (for a duplicate, the original append's), -1 on error.</param>
/// <param name="LogAppendTime">The broker's append time for LogAppendTime topics, else -1.</param>
/// <param name="LogStartOffset">Produce v5+.</param>
/// <param name="RecordCount">Records appended (0 for errors and duplicates): feeds the activity counters.</param>
/// <param name="RecordErrors">Produce v8+ (KIP-467): which records made the batch invalid.</param>
/// <param name="ErrorMessage">Produce v8+: why the batch was refused.</param>
public sealed record ProduceResult(
    ErrorCode ErrorCode,
    long BaseOffset,
    long LogAppendTime,
    long LogStartOffset,
    int RecordCount,
    IReadOnlyList<RecordError> RecordErrors,
    string? ErrorMessage)
{
    public static ProduceResult Error(ErrorCode errorCode, string? message, IReadOnlyList<RecordError>? recordErrors = null) =>
        new(errorCode, -1, -1, -1, 0, recordErrors ?? [], message);
}
