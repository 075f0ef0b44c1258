namespace Governance.Broker.Validation;

/// <summary>A record a produce was refused for (Produce v8+ RecordErrors, KIP-467): its index in the batch and why.</summary>
public readonly record struct RecordError(int BatchIndex, string Message);
