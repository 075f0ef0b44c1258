using Governance.Broker.Activity;
using Governance.Broker.Topics;

namespace Governance.Broker.Groups;

/// <summary>
/// The classic consumer group coordinator, as Kafka's GroupMetadataManager/ClassicGroup run it (notes §3): member ids,
/// rebalances with an initial delay, generations, protocol selection, the leader's assignment handed out through SyncGroup,
/// heartbeats and session expiry, static membership (KIP-345), and committed offsets persisted on disk.
/// This broker is the coordinator of every group. Thread-safe; each group is guarded by its own lock.
/// </summary>
public sealed class GroupCoordinator : IAsyncDisposable
{
    public GroupCoordinator(GroupCoordinatorOptions options, ActivityTracker? activity = null, TimeProvider? time = null)
    {
        throw new NotImplementedException();
    }

    /// <summary>JoinGroup: completes when the join phase of the rebalance ends (or at once for errors and MEMBER_ID_REQUIRED).</summary>
    public Task<JoinGroupResult> JoinAsync(JoinGroupRequest request, CancellationToken cancellationToken) => throw new NotImplementedException();

    /// <summary>SyncGroup: completes when the leader has sent the assignments (at once for the leader itself).</summary>
    public Task<SyncGroupResult> SyncAsync(SyncGroupRequest request, CancellationToken cancellationToken) => throw new NotImplementedException();

    /// <summary>Heartbeat: NONE, or REBALANCE_IN_PROGRESS / ILLEGAL_GENERATION / UNKNOWN_MEMBER_ID / FENCED_INSTANCE_ID as Kafka answers.</summary>
    public BrokerErrorCode Heartbeat(string groupId, string memberId, string? groupInstanceId, int generationId) => throw new NotImplementedException();

    /// <summary>LeaveGroup: removes the members and rebalances the rest.</summary>
    public LeaveGroupResult Leave(string groupId, IReadOnlyList<LeaveGroupMember> members) => throw new NotImplementedException();

    /// <summary>
    /// OffsetCommit: generation -1 with an empty member id is a simple commit (no membership check); otherwise the member and
    /// generation must be current (UNKNOWN_MEMBER_ID, ILLEGAL_GENERATION, REBALANCE_IN_PROGRESS). Persisted before returning.
    /// </summary>
    public IReadOnlyList<OffsetCommitPartitionResult> CommitOffsets(string groupId, int generationId, string memberId, string? groupInstanceId, IReadOnlyList<OffsetCommitEntry> offsets) =>
        throw new NotImplementedException();

    /// <summary>OffsetFetch: the committed offsets of the named partitions, or of all partitions when <paramref name="partitions"/> is null.</summary>
    public OffsetFetchResult FetchOffsets(string groupId, IReadOnlyList<(string Topic, int Partition)>? partitions) => throw new NotImplementedException();

    /// <summary>ListGroups, optionally only groups in the given states (Kafka's state names, case-insensitive; KIP-518).</summary>
    public IReadOnlyList<GroupListing> ListGroups(IReadOnlyCollection<string>? statesFilter = null) => throw new NotImplementedException();

    /// <summary>DescribeGroups for one group; an unknown group is described as "Dead" with no members, as Kafka does.</summary>
    public GroupDescription DescribeGroup(string groupId) => throw new NotImplementedException();

    /// <summary>DeleteGroups: only empty groups (NON_EMPTY_GROUP otherwise, GROUP_ID_NOT_FOUND when unknown); removes their offsets.</summary>
    public BrokerErrorCode DeleteGroup(string groupId) => throw new NotImplementedException();

    public ValueTask DisposeAsync() => throw new NotImplementedException();
}
