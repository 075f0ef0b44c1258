namespace Governance.Broker.Groups;

/// <summary>One protocol a member supports in JoinGroup (for consumers an assignor name such as "range" and its subscription).</summary>
public sealed record GroupProtocol(string Name, byte[] Metadata);
