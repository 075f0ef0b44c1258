namespace Governance.Broker.Groups;

/// <summary>One member of a classic group (Kafka MemberMetadata): its protocols, assignment, and the join or sync request it has outstanding.</summary>
internal sealed class GroupMember
{
    public GroupMember(string memberId, JoinGroupRequest request)
    {
        MemberId = memberId;
        GroupInstanceId = request.GroupInstanceId;
        Update(request);
        ClientId = request.ClientId;
        ClientHost = request.ClientHost;
    }

    public string MemberId { get; }

    public string? GroupInstanceId { get; }

    public string ClientId { get; private set; }

    public string ClientHost { get; private set; }

    public int SessionTimeoutMs { get; private set; }

    public int RebalanceTimeoutMs { get; private set; }

    public IReadOnlyList<GroupProtocol> Protocols { get; private set; } = [];

    public byte[] Assignment { get; set; } = [];

    /// <summary>The member's JoinGroup waiting for the join phase to end, if any.</summary>
    public TaskCompletionSource<JoinGroupResult>? JoinWaiter { get; set; }

    /// <summary>The member's SyncGroup waiting for the leader's assignment, if any.</summary>
    public TaskCompletionSource<SyncGroupResult>? SyncWaiter { get; set; }

    /// <summary>When the session expires without a heartbeat (TimeProvider timestamp).</summary>
    public long SessionDeadline { get; set; }

    /// <summary>The session timer (fires at <see cref="SessionDeadline"/>).</summary>
    public ITimer? SessionTimer { get; set; }

    public bool IsAwaitingJoin => JoinWaiter is not null;

    public void Update(JoinGroupRequest request)
    {
        ClientId = request.ClientId;
        ClientHost = request.ClientHost;
        SessionTimeoutMs = request.SessionTimeoutMs;
        RebalanceTimeoutMs = request.RebalanceTimeoutMs;
        Protocols = request.Protocols;
    }

    public bool Supports(string protocol) => Protocols.Any(p => p.Name == protocol);

    public byte[] MetadataFor(string? protocol) => Protocols.FirstOrDefault(p => p.Name == protocol)?.Metadata ?? [];

    /// <summary>Same protocols with the same metadata, in the same order (a rejoin that changes nothing).</summary>
    public bool HasSameProtocols(IReadOnlyList<GroupProtocol> protocols) =>
        protocols.Count == Protocols.Count && protocols.Zip(Protocols).All(pair => pair.First.Name == pair.Second.Name && pair.First.Metadata.AsSpan().SequenceEqual(pair.Second.Metadata));
}
