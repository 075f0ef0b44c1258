namespace Governance.Broker.Activity;

/// <summary>A consumer group member as seen in JoinGroup: its client id, its group and the topics it subscribed to.</summary>
public sealed record GroupActivity(string ClientId, string Group, IReadOnlyList<string> Topics, DateTimeOffset LastSeen);
