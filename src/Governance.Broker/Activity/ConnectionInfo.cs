namespace Governance.Broker.Activity;

/// <summary>One client connection as the broker saw it.</summary>
/// <param name="ClientId">The client.id of the latest request header (null until the first request).</param>
/// <param name="SoftwareName">ClientSoftwareName from ApiVersions v3+ (KIP-511), e.g. "confluent-kafka-dotnet" or "librdkafka".</param>
/// <param name="SoftwareVersion">ClientSoftwareVersion from ApiVersions v3+.</param>
/// <param name="Principal">The authenticated principal; "User:ANONYMOUS" until authentication lands.</param>
/// <param name="ClosedAt">When the connection closed, or null while it is open.</param>
public sealed record ConnectionInfo(
    long ConnectionId,
    string Address,
    string? ClientId,
    string? SoftwareName,
    string? SoftwareVersion,
    string Principal,
    DateTimeOffset ConnectedAt,
    DateTimeOffset LastSeen,
    DateTimeOffset? ClosedAt);
