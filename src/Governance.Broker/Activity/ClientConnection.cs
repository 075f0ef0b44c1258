namespace Governance.Broker.Activity;

/// <summary>One client connection as the broker knows it at the moment of the event.</summary>
/// <param name="ConnectionId">Unique within the broker process.</param>
/// <param name="Address">The client's address, e.g. "127.0.0.1:53422".</param>
/// <param name="ClientId">The client.id of the latest request header (null until the first request).</param>
/// <param name="SoftwareName">ClientSoftwareName from ApiVersions v3+ (KIP-511), e.g. "confluent-kafka-dotnet" or "librdkafka".</param>
/// <param name="SoftwareVersion">ClientSoftwareVersion from ApiVersions v3+.</param>
/// <param name="Principal">The authenticated principal; "User:ANONYMOUS" until authentication sets one.</param>
/// <param name="ClosedAt">When the connection closed, or null while it is open.</param>
public sealed record ClientConnection(
    long ConnectionId,
    string Address,
    string? ClientId,
    string? SoftwareName,
    string? SoftwareVersion,
    string Principal,
    DateTimeOffset ConnectedAt,
    DateTimeOffset? ClosedAt);
