using System.Collections.Concurrent;
using Governance.Broker.Activity;
using Governance.Broker.Topics;
using Governance.Kafka.Protocol;

namespace Governance.Broker.Groups;

/// <summary>
/// The classic consumer group coordinator, as Kafka's GroupMetadataManager/ClassicGroup run it (notes §3): member ids,
/// rebalances with an initial delay, generations, protocol selection, the leader's assignment handed out through SyncGroup,
/// heartbeats and session expiry, static membership (KIP-345), and committed offsets persisted on disk.
/// This broker is the coordinator of every group. Thread-safe; each group is guarded by its own lock.
/// </summary>
public sealed partial class GroupCoordinator : IAsyncDisposable
{
    private readonly GroupCoordinatorOptions _options;
    private static readonly IReadOnlyDictionary<string, IReadOnlyList<int>> NoPartitions = new Dictionary<string, IReadOnlyList<int>>();

    private readonly ActivityAggregator? _activity;
    private readonly TimeProvider _time;
    private readonly GroupStore _store;
    private readonly ConcurrentDictionary<string, ConsumerGroup> _groups = new(StringComparer.Ordinal);

    public GroupCoordinator(GroupCoordinatorOptions options, ActivityAggregator? activity = null, TimeProvider? time = null)
    {
        _options = options;
        _activity = activity;
        _time = time ?? TimeProvider.System;
        _store = new GroupStore(options.DataDirectory);
        foreach (var stored in _store.LoadAll())
        {
            var group = new ConsumerGroup(stored.GroupId) { ProtocolType = stored.ProtocolType, GenerationId = stored.GenerationId };
            foreach (var offset in stored.Offsets)
            {
                group.Offsets[(offset.Topic, offset.Partition)] = offset;
            }

            _groups[stored.GroupId] = group;
        }
    }

    /// <summary>JoinGroup: completes when the join phase of the rebalance ends (or at once for errors and MEMBER_ID_REQUIRED).</summary>
    public Task<JoinGroupResult> JoinAsync(JoinGroupRequest request, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(request.GroupId))
        {
            return Task.FromResult(JoinGroupResult.Error(ErrorCode.InvalidGroupId, request.MemberId));
        }

        if (request.SessionTimeoutMs < _options.MinSessionTimeoutMs || request.SessionTimeoutMs > _options.MaxSessionTimeoutMs)
        {
            return Task.FromResult(JoinGroupResult.Error(ErrorCode.InvalidSessionTimeout, request.MemberId));
        }

        var isNewMember = request.MemberId.Length == 0;
        var group = isNewMember ? _groups.GetOrAdd(request.GroupId, id => new ConsumerGroup(id)) : _groups.GetValueOrDefault(request.GroupId);
        if (group is null)
        {
            return Task.FromResult(JoinGroupResult.Error(ErrorCode.UnknownMemberId, request.MemberId));
        }

        Task<JoinGroupResult> result;
        lock (group.Lock)
        {
            result = group.State == GroupState.Dead
                ? Task.FromResult(JoinGroupResult.Error(ErrorCode.CoordinatorNotAvailable, request.MemberId))
                : !group.SupportsProtocols(request.ProtocolType, request.Protocols)
                    ? Task.FromResult(JoinGroupResult.Error(ErrorCode.InconsistentGroupProtocol, request.MemberId))
                    : isNewMember ? JoinNewMember(group, request) : JoinKnownMember(group, request);
        }

        if (request.ProtocolType == ConsumerProtocol.ProtocolType && request.Protocols.Count > 0)
        {
            _activity?.OnGroup(new GroupActivityEvent(
                GroupActivityKind.Joined,
                request.GroupId,
                request.MemberId,
                request.ClientId,
                request.ClientHost,
                ConsumerProtocol.ReadSubscriptionTopics(request.Protocols[0].Metadata),
                NoPartitions,
                _time.GetUtcNow()));
        }

        return result.WaitAsync(cancellationToken);
    }

    /// <summary>SyncGroup: completes when the leader has sent the assignments (at once for the leader itself).</summary>
    public Task<SyncGroupResult> SyncAsync(SyncGroupRequest request, CancellationToken cancellationToken)
    {
        if (_groups.GetValueOrDefault(request.GroupId) is not { } group)
        {
            return Task.FromResult(SyncGroupResult.Error(ErrorCode.UnknownMemberId));
        }

        lock (group.Lock)
        {
            if (CheckMember(group, request.MemberId, request.GroupInstanceId, request.GenerationId) is { } error)
            {
                return Task.FromResult(SyncGroupResult.Error(error));
            }

            if ((request.ProtocolType is not null && request.ProtocolType != group.ProtocolType)
                || (request.ProtocolName is not null && request.ProtocolName != group.ProtocolName))
            {
                return Task.FromResult(SyncGroupResult.Error(ErrorCode.InconsistentGroupProtocol));
            }

            var member = group.Members[request.MemberId];
            switch (group.State)
            {
                case GroupState.PreparingRebalance:
                    return Task.FromResult(SyncGroupResult.Error(ErrorCode.RebalanceInProgress));
                case GroupState.Stable:
                    ScheduleSessionExpiry(group, member);
                    return Task.FromResult(new SyncGroupResult(ErrorCode.None, group.ProtocolType, group.ProtocolName, member.Assignment));
                case GroupState.CompletingRebalance:
                    member.SyncWaiter = new TaskCompletionSource<SyncGroupResult>(TaskCreationOptions.RunContinuationsAsynchronously);
                    ScheduleSessionExpiry(group, member);
                    var waiter = member.SyncWaiter.Task;
                    if (request.MemberId == group.LeaderId)
                    {
                        CompleteSync(group, request.Assignments);
                    }

                    return waiter.WaitAsync(cancellationToken);
                default:
                    return Task.FromResult(SyncGroupResult.Error(ErrorCode.UnknownMemberId));
            }
        }
    }

    /// <summary>Heartbeat: NONE, or REBALANCE_IN_PROGRESS / ILLEGAL_GENERATION / UNKNOWN_MEMBER_ID / FENCED_INSTANCE_ID as Kafka answers.</summary>
    public ErrorCode Heartbeat(string groupId, string memberId, string? groupInstanceId, int generationId)
    {
        if (_groups.GetValueOrDefault(groupId) is not { } group)
        {
            return ErrorCode.UnknownMemberId;
        }

        lock (group.Lock)
        {
            if (CheckMember(group, memberId, groupInstanceId, generationId) is { } error)
            {
                return error;
            }

            ScheduleSessionExpiry(group, group.Members[memberId]);
            return group.State switch
            {
                GroupState.PreparingRebalance => ErrorCode.RebalanceInProgress,
                GroupState.CompletingRebalance or GroupState.Stable => ErrorCode.None,
                _ => ErrorCode.UnknownMemberId,
            };
        }
    }

    /// <summary>LeaveGroup: removes the members and rebalances the rest.</summary>
    public LeaveGroupResult Leave(string groupId, IReadOnlyList<LeaveGroupMember> members)
    {
        if (_groups.GetValueOrDefault(groupId) is not { } group)
        {
            return new LeaveGroupResult(ErrorCode.UnknownMemberId, [.. members.Select(m => new LeaveGroupMemberResult(m.MemberId, m.GroupInstanceId, ErrorCode.UnknownMemberId))]);
        }

        var results = new List<LeaveGroupMemberResult>(members.Count);
        lock (group.Lock)
        {
            foreach (var leaving in members)
            {
                results.Add(new LeaveGroupMemberResult(leaving.MemberId, leaving.GroupInstanceId, LeaveOne(group, leaving)));
            }
        }

        return new LeaveGroupResult(ErrorCode.None, results);
    }

    /// <summary>
    /// OffsetCommit: generation -1 with an empty member id is a simple commit (no membership check, only while the group
    /// has no members); otherwise the member and generation must be current (UNKNOWN_MEMBER_ID, ILLEGAL_GENERATION,
    /// REBALANCE_IN_PROGRESS while the group waits for the leader's assignment). Persisted before returning.
    /// </summary>
    public IReadOnlyList<OffsetCommitPartitionResult> CommitOffsets(string groupId, int generationId, string memberId, string? groupInstanceId, IReadOnlyList<OffsetCommitEntry> offsets)
    {
        if (string.IsNullOrEmpty(groupId))
        {
            return AllFailed(offsets, ErrorCode.InvalidGroupId);
        }

        var isSimpleCommit = generationId < 0 && memberId.Length == 0;
        var group = isSimpleCommit ? _groups.GetOrAdd(groupId, id => new ConsumerGroup(id)) : _groups.GetValueOrDefault(groupId);
        if (group is null)
        {
            return AllFailed(offsets, ErrorCode.IllegalGeneration);
        }

        lock (group.Lock)
        {
            var error = group.State == GroupState.Dead
                ? ErrorCode.CoordinatorNotAvailable
                : isSimpleCommit
                    ? group.State == GroupState.Empty ? null : ErrorCode.UnknownMemberId
                    : CheckMember(group, memberId, groupInstanceId, generationId)
                        ?? (group.State == GroupState.CompletingRebalance ? ErrorCode.RebalanceInProgress : null);
            if (error is { } e)
            {
                return AllFailed(offsets, e);
            }

            var results = new List<OffsetCommitPartitionResult>(offsets.Count);
            foreach (var offset in offsets)
            {
                if ((offset.Metadata?.Length ?? 0) > _options.MaxOffsetMetadataBytes)
                {
                    results.Add(new OffsetCommitPartitionResult(offset.Topic, offset.Partition, ErrorCode.OffsetMetadataTooLarge));
                    continue;
                }

                group.Offsets[(offset.Topic, offset.Partition)] = offset with { Metadata = offset.Metadata ?? string.Empty };
                results.Add(new OffsetCommitPartitionResult(offset.Topic, offset.Partition, ErrorCode.None));
            }

            if (!isSimpleCommit)
            {
                ScheduleSessionExpiry(group, group.Members[memberId]);
            }

            _store.Save(group.ToStored());
            return results;
        }
    }

    /// <summary>OffsetFetch: the committed offsets of the named partitions, or of all partitions when <paramref name="partitions"/> is null.</summary>
    public OffsetFetchResult FetchOffsets(string groupId, IReadOnlyList<(string Topic, int Partition)>? partitions)
    {
        var group = _groups.GetValueOrDefault(groupId);
        if (group is null)
        {
            return new OffsetFetchResult(ErrorCode.None, partitions is null ? [] : [.. partitions.Select(p => new OffsetCommitEntry(p.Topic, p.Partition, -1, -1, string.Empty))]);
        }

        lock (group.Lock)
        {
            IReadOnlyList<OffsetCommitEntry> offsets = partitions is null
                ? [.. group.Offsets.Values.OrderBy(o => o.Topic, StringComparer.Ordinal).ThenBy(o => o.Partition)]
                : [.. partitions.Select(p => group.Offsets.GetValueOrDefault(p) ?? new OffsetCommitEntry(p.Topic, p.Partition, -1, -1, string.Empty))];
            return new OffsetFetchResult(ErrorCode.None, offsets);
        }
    }

    /// <summary>ListGroups, optionally only groups in the given states (Kafka's state names, case-insensitive; KIP-518).</summary>
    public IReadOnlyList<GroupListing> ListGroups(IReadOnlyCollection<string>? statesFilter = null)
    {
        var listings = new List<GroupListing>();
        foreach (var group in _groups.Values)
        {
            lock (group.Lock)
            {
                var state = GroupStates.Name(group.State);
                if (group.State != GroupState.Dead && (statesFilter is null || statesFilter.Count == 0 || statesFilter.Contains(state, StringComparer.OrdinalIgnoreCase)))
                {
                    listings.Add(new GroupListing(group.GroupId, group.ProtocolType, state));
                }
            }
        }

        return [.. listings.OrderBy(l => l.GroupId, StringComparer.Ordinal)];
    }

    /// <summary>DescribeGroups for one group; an unknown group is described as "Dead" with no members, as Kafka does.</summary>
    public GroupDescription DescribeGroup(string groupId)
    {
        if (_groups.GetValueOrDefault(groupId) is not { } group)
        {
            return new GroupDescription(ErrorCode.None, groupId, GroupStates.Name(GroupState.Dead), string.Empty, string.Empty, [], []);
        }

        lock (group.Lock)
        {
            // Kafka includes member metadata and assignments only once the group is Stable.
            var stable = group.State == GroupState.Stable;
            var members = group.Members.Values
                .Select(m => new GroupMemberDescription(m.MemberId, m.GroupInstanceId, m.ClientId, m.ClientHost, stable ? m.MetadataFor(group.ProtocolName) : [], stable ? m.Assignment : []))
                .ToList();
            var topics = group.ProtocolType == ConsumerProtocol.ProtocolType
                ? group.Members.Values.SelectMany(m => ConsumerProtocol.ReadSubscriptionTopics(m.MetadataFor(group.ProtocolName ?? m.Protocols.FirstOrDefault()?.Name))).Distinct().Order(StringComparer.Ordinal).ToList()
                : [];
            return new GroupDescription(ErrorCode.None, group.GroupId, GroupStates.Name(group.State), group.ProtocolType, stable ? group.ProtocolName ?? string.Empty : string.Empty, members, topics);
        }
    }

    /// <summary>DeleteGroups: only empty groups (NON_EMPTY_GROUP otherwise, GROUP_ID_NOT_FOUND when unknown); removes their offsets.</summary>
    public ErrorCode DeleteGroup(string groupId)
    {
        if (_groups.GetValueOrDefault(groupId) is not { } group)
        {
            return ErrorCode.GroupIdNotFound;
        }

        lock (group.Lock)
        {
            if (group.State != GroupState.Empty)
            {
                return group.State == GroupState.Dead ? ErrorCode.GroupIdNotFound : ErrorCode.NonEmptyGroup;
            }

            group.State = GroupState.Dead;
            _groups.TryRemove(groupId, out _);
            _store.Delete(groupId);
            return ErrorCode.None;
        }
    }

    public ValueTask DisposeAsync()
    {
        foreach (var group in _groups.Values)
        {
            lock (group.Lock)
            {
                group.JoinTimer?.Dispose();
                foreach (var member in group.Members.Values)
                {
                    member.SessionTimer?.Dispose();
                    member.JoinWaiter?.TrySetResult(JoinGroupResult.Error(ErrorCode.CoordinatorNotAvailable, member.MemberId));
                    member.SyncWaiter?.TrySetResult(SyncGroupResult.Error(ErrorCode.CoordinatorNotAvailable));
                }

                foreach (var timer in group.PendingMembers.Values)
                {
                    timer.Dispose();
                }
            }
        }

        return ValueTask.CompletedTask;
    }

    private static IReadOnlyList<OffsetCommitPartitionResult> AllFailed(IReadOnlyList<OffsetCommitEntry> offsets, ErrorCode error) =>
        [.. offsets.Select(o => new OffsetCommitPartitionResult(o.Topic, o.Partition, error))];

    // The checks Heartbeat, SyncGroup and OffsetCommit share (Kafka GroupCoordinator.validateHeartbeat/validateOffsetCommit order).
    private static ErrorCode? CheckMember(ConsumerGroup group, string memberId, string? groupInstanceId, int generationId)
    {
        if (group.State == GroupState.Dead)
        {
            return ErrorCode.CoordinatorNotAvailable;
        }

        if (groupInstanceId is not null && group.StaticMembers.TryGetValue(groupInstanceId, out var current) && current != memberId)
        {
            return ErrorCode.FencedInstanceId;
        }

        if (!group.Members.ContainsKey(memberId))
        {
            return ErrorCode.UnknownMemberId;
        }

        return generationId != group.GenerationId ? ErrorCode.IllegalGeneration : null;
    }
}
