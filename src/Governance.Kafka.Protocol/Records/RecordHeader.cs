namespace Governance.Kafka.Protocol.Records;

/// <summary>A record header: a UTF-8 key and a value that may be null (Kafka docs/implementation.html, "Record Header").</summary>
public readonly record struct RecordHeader(string Key, ReadOnlyMemory<byte>? Value);
