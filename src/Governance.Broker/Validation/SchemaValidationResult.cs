namespace Governance.Broker.Validation;

/// <summary>
/// The outcome of validating a produce against a topic's schema validation configs: valid, or the records that failed
/// with a message for INVALID_RECORD that names the first failing record and why.
/// </summary>
public sealed record SchemaValidationResult(IReadOnlyList<RecordError> RecordErrors)
{
    public static SchemaValidationResult Valid { get; } = new([]);

    public bool IsValid => RecordErrors.Count == 0;

    /// <summary>The error message for the produce response (null when valid).</summary>
    public string? ErrorMessage => IsValid
        ? null
        : RecordErrors.Count == 1
            ? RecordErrors[0].Message
            : $"{RecordErrors[0].Message} ({RecordErrors.Count - 1} more invalid record(s))";
}
