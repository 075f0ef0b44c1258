namespace Governance.Broker.Groups;

/// <summary>
/// The state of one classic group (Kafka ClassicGroup): members, pending member ids, generation, chosen protocol, leader
/// and committed offsets. Guarded by <see cref="Lock"/>; the coordinator runs the state machine.
/// </summary>
internal sealed class ConsumerGroup
{
    public ConsumerGroup(string groupId)
    {
        GroupId = groupId;
    }

    public string GroupId { get; }

    public Lock Lock { get; } = new();

    public GroupState State { get; set; } = GroupState.Empty;

    /// <summary>"consumer" for consumer groups; empty for groups that only commit offsets.</summary>
    public string ProtocolType { get; set; } = string.Empty;

    public string? ProtocolName { get; set; }

    public int GenerationId { get; set; }

    public string? LeaderId { get; set; }

    public Dictionary<string, GroupMember> Members { get; } = new(StringComparer.Ordinal);

    /// <summary>group.instance.id → member id of static members (KIP-345).</summary>
    public Dictionary<string, string> StaticMembers { get; } = new(StringComparer.Ordinal);

    /// <summary>Member ids handed out with MEMBER_ID_REQUIRED, waiting for the member's second join (KIP-394), with their expiry timers.</summary>
    public Dictionary<string, ITimer> PendingMembers { get; } = new(StringComparer.Ordinal);

    public Dictionary<(string Topic, int Partition), OffsetCommitEntry> Offsets { get; } = [];

    /// <summary>The timer that ends the join phase (initial delay or rebalance timeout).</summary>
    public ITimer? JoinTimer { get; set; }

    /// <summary>The join phase started from Empty and waits out group.initial.rebalance.delay.ms for more members.</summary>
    public bool InInitialDelay { get; set; }

    public bool AllMembersJoined => PendingMembers.Count == 0 && Members.Values.All(member => member.IsAwaitingJoin);

    /// <summary>The longest rebalance timeout of the members: how long a rebalance waits for everyone to rejoin.</summary>
    public int RebalanceTimeoutMs => Members.Count == 0 ? 0 : Members.Values.Max(member => member.RebalanceTimeoutMs);

    /// <summary>Whether a member with these protocols can join: the group has a protocol in common with them (or no members).</summary>
    public bool SupportsProtocols(string protocolType, IReadOnlyList<GroupProtocol> protocols)
    {
        if (Members.Count == 0)
        {
            return protocols.Count > 0;
        }

        return protocolType == ProtocolType && protocols.Any(protocol => Members.Values.All(member => member.Supports(protocol.Name)));
    }

    /// <summary>
    /// The protocol for the next generation (Kafka ClassicGroup.selectProtocol): among the protocols every member supports,
    /// each member votes for the first one in its own preference order; the most votes wins.
    /// </summary>
    public string SelectProtocol()
    {
        var candidates = Members.Values.First().Protocols.Select(p => p.Name).Where(name => Members.Values.All(member => member.Supports(name))).ToList();
        return Members.Values
            .Select(member => member.Protocols.First(p => candidates.Contains(p.Name)).Name)
            .GroupBy(name => name)
            .OrderByDescending(votes => votes.Count())
            .ThenBy(votes => candidates.IndexOf(votes.Key))
            .First()
            .Key;
    }

    public GroupStore.StoredGroup ToStored() => new(GroupId, ProtocolType, GenerationId, [.. Offsets.Values]);
}
