using Governance.Broker.Activity;
using Governance.Kafka.Protocol;

namespace Governance.Broker.Groups;

// The rebalance state machine (Kafka GroupCoordinator classic paths: doJoinGroup, prepareRebalance, onCompleteJoin,
// setAndPropagateAssignment, removeMemberAndUpdateGroup). Every method here runs under the group's lock.
public sealed partial class GroupCoordinator
{
    private Task<JoinGroupResult> JoinNewMember(ConsumerGroup group, JoinGroupRequest request)
    {
        // Kafka generateMemberId: "<client id or instance id>-<uuid>".
        var memberId = $"{request.GroupInstanceId ?? request.ClientId}-{Guid.NewGuid()}";
        if (request.GroupInstanceId is { } instanceId)
        {
            // A static member coming back with a new member id replaces (fences) its old incarnation.
            if (group.StaticMembers.TryGetValue(instanceId, out var oldId) && group.Members.TryGetValue(oldId, out var old))
            {
                RemoveMember(group, old, ErrorCode.FencedInstanceId);
            }

            return AddMember(group, memberId, request);
        }

        if (request.RequireKnownMemberId)
        {
            // KIP-394: hand out the id and wait for the member to join again with it.
            var expiry = _time.CreateTimer(_ => ExpirePendingMember(group, memberId), null, TimeSpan.FromMilliseconds(request.SessionTimeoutMs), Timeout.InfiniteTimeSpan);
            group.PendingMembers[memberId] = expiry;
            return Task.FromResult(JoinGroupResult.Error(ErrorCode.MemberIdRequired, memberId));
        }

        return AddMember(group, memberId, request);
    }

    private Task<JoinGroupResult> JoinKnownMember(ConsumerGroup group, JoinGroupRequest request)
    {
        var memberId = request.MemberId;
        if (group.PendingMembers.Remove(memberId, out var expiry))
        {
            expiry.Dispose();
            return AddMember(group, memberId, request);
        }

        if (request.GroupInstanceId is { } instanceId && group.StaticMembers.TryGetValue(instanceId, out var current) && current != memberId)
        {
            return Task.FromResult(JoinGroupResult.Error(ErrorCode.FencedInstanceId, memberId));
        }

        if (!group.Members.TryGetValue(memberId, out var member))
        {
            return Task.FromResult(JoinGroupResult.Error(ErrorCode.UnknownMemberId, memberId));
        }

        switch (group.State)
        {
            case GroupState.PreparingRebalance:
                return AwaitJoin(group, member, request);
            case GroupState.CompletingRebalance when member.HasSameProtocols(request.Protocols):
            case GroupState.Stable when member.HasSameProtocols(request.Protocols) && memberId != group.LeaderId:
                // A rejoin that changes nothing gets the current generation again, without a rebalance.
                ScheduleSessionExpiry(group, member);
                return Task.FromResult(CurrentGeneration(group, member));
            case GroupState.CompletingRebalance:
            case GroupState.Stable:
                var joined = AwaitJoin(group, member, request);
                PrepareRebalance(group);
                return joined;
            default:
                return Task.FromResult(JoinGroupResult.Error(ErrorCode.UnknownMemberId, memberId));
        }
    }

    private Task<JoinGroupResult> AddMember(ConsumerGroup group, string memberId, JoinGroupRequest request)
    {
        if (group.Members.Count == 0)
        {
            group.ProtocolType = request.ProtocolType;
        }

        var member = new GroupMember(memberId, request);
        group.Members[memberId] = member;
        if (request.GroupInstanceId is { } instanceId)
        {
            group.StaticMembers[instanceId] = memberId;
        }

        var joined = AwaitJoin(group, member, request);
        if (group.State != GroupState.PreparingRebalance)
        {
            PrepareRebalance(group);
        }

        return joined;
    }

    private Task<JoinGroupResult> AwaitJoin(ConsumerGroup group, GroupMember member, JoinGroupRequest request)
    {
        member.Update(request);
        member.JoinWaiter?.TrySetResult(JoinGroupResult.Error(ErrorCode.RebalanceInProgress, member.MemberId));
        member.JoinWaiter = new TaskCompletionSource<JoinGroupResult>(TaskCreationOptions.RunContinuationsAsynchronously);
        var joined = member.JoinWaiter.Task;
        if (group.State == GroupState.PreparingRebalance)
        {
            TryCompleteJoin(group);
        }

        return joined;
    }

    // Starts a join phase: members must rejoin within the rebalance timeout; a group that was empty first waits
    // group.initial.rebalance.delay.ms so that members starting together land in one generation.
    private void PrepareRebalance(ConsumerGroup group)
    {
        if (group.State == GroupState.CompletingRebalance)
        {
            foreach (var member in group.Members.Values)
            {
                member.Assignment = [];
                member.SyncWaiter?.TrySetResult(SyncGroupResult.Error(ErrorCode.RebalanceInProgress));
                member.SyncWaiter = null;
            }
        }

        var initial = group.State == GroupState.Empty;
        group.State = GroupState.PreparingRebalance;
        group.InInitialDelay = initial;
        var delayMs = initial ? Math.Min(_options.InitialRebalanceDelayMs, group.RebalanceTimeoutMs) : group.RebalanceTimeoutMs;
        group.JoinTimer?.Dispose();
        group.JoinTimer = _time.CreateTimer(_ => OnJoinTimer(group), null, TimeSpan.FromMilliseconds(delayMs), Timeout.InfiniteTimeSpan);
        TryCompleteJoin(group);
    }

    private void OnJoinTimer(ConsumerGroup group)
    {
        lock (group.Lock)
        {
            if (group.State == GroupState.PreparingRebalance)
            {
                group.InInitialDelay = false;
                CompleteJoin(group);
            }
        }
    }

    private void TryCompleteJoin(ConsumerGroup group)
    {
        if (group.State == GroupState.PreparingRebalance && !group.InInitialDelay && group.AllMembersJoined)
        {
            CompleteJoin(group);
        }
    }

    // Kafka onCompleteJoin + initNextGeneration: drop members that did not rejoin, bump the generation, choose the
    // protocol and the leader, and answer every waiting JoinGroup (the leader gets all members' metadata).
    private void CompleteJoin(ConsumerGroup group)
    {
        group.JoinTimer?.Dispose();
        group.JoinTimer = null;
        foreach (var member in group.Members.Values.Where(m => !m.IsAwaitingJoin).ToList())
        {
            RemoveMember(group, member, ErrorCode.UnknownMemberId);
        }

        group.GenerationId++;
        if (group.Members.Count == 0)
        {
            group.State = GroupState.Empty;
            group.ProtocolName = null;
            group.LeaderId = null;
            _store.Save(group.ToStored());
            return;
        }

        group.ProtocolName = group.SelectProtocol();
        if (group.LeaderId is null || !group.Members.ContainsKey(group.LeaderId))
        {
            group.LeaderId = group.Members.Keys.First();
        }

        group.State = GroupState.CompletingRebalance;
        foreach (var member in group.Members.Values)
        {
            member.JoinWaiter!.TrySetResult(CurrentGeneration(group, member));
            member.JoinWaiter = null;
            ScheduleSessionExpiry(group, member);
        }

        _store.Save(group.ToStored());
    }

    private static JoinGroupResult CurrentGeneration(ConsumerGroup group, GroupMember member)
    {
        IReadOnlyList<JoinGroupMember> members = member.MemberId == group.LeaderId
            ? [.. group.Members.Values.Select(m => new JoinGroupMember(m.MemberId, m.GroupInstanceId, m.MetadataFor(group.ProtocolName)))]
            : [];
        return new JoinGroupResult(ErrorCode.None, group.GenerationId, group.ProtocolType, group.ProtocolName, group.LeaderId!, member.MemberId, members);
    }

    // The leader's SyncGroup: store every member's assignment (none given means an empty one) and answer all waiting members.
    private void CompleteSync(ConsumerGroup group, IReadOnlyList<MemberAssignment> assignments)
    {
        foreach (var member in group.Members.Values)
        {
            member.Assignment = assignments.FirstOrDefault(a => a.MemberId == member.MemberId)?.Assignment ?? [];
            if (group.ProtocolType == ConsumerProtocol.ProtocolType)
            {
                var assigned = ConsumerProtocol.ReadAssignment(member.Assignment);
                ReportMember(GroupActivityKind.Assigned, group, member, [.. assigned.Select(a => a.Topic)], assigned.ToDictionary(a => a.Topic, a => a.Partitions));
            }
        }

        group.State = GroupState.Stable;
        foreach (var member in group.Members.Values)
        {
            member.SyncWaiter?.TrySetResult(new SyncGroupResult(ErrorCode.None, group.ProtocolType, group.ProtocolName, member.Assignment));
            member.SyncWaiter = null;
        }
    }

    private ErrorCode LeaveOne(ConsumerGroup group, LeaveGroupMember leaving)
    {
        var memberId = leaving.MemberId;
        if (leaving.GroupInstanceId is { } instanceId)
        {
            if (!group.StaticMembers.TryGetValue(instanceId, out var current))
            {
                return ErrorCode.UnknownMemberId;
            }

            if (memberId.Length > 0 && memberId != current)
            {
                return ErrorCode.FencedInstanceId;
            }

            memberId = current;
        }

        if (group.PendingMembers.Remove(memberId, out var expiry))
        {
            expiry.Dispose();
            TryCompleteJoin(group);
            return ErrorCode.None;
        }

        if (!group.Members.TryGetValue(memberId, out var member))
        {
            return ErrorCode.UnknownMemberId;
        }

        RemoveMemberAndRebalance(group, member);
        ReportMember(GroupActivityKind.Left, group, member, [], NoPartitions);
        return ErrorCode.None;
    }

    private void ReportMember(
        GroupActivityKind kind, ConsumerGroup group, GroupMember member, IReadOnlyList<string> topics, IReadOnlyDictionary<string, IReadOnlyList<int>> partitions) =>
        _activity?.OnGroup(new GroupActivityEvent(kind, group.GroupId, member.MemberId, member.ClientId, member.ClientHost, topics, partitions, _time.GetUtcNow()));

    private void RemoveMemberAndRebalance(ConsumerGroup group, GroupMember member)
    {
        RemoveMember(group, member, ErrorCode.UnknownMemberId);
        switch (group.State)
        {
            case GroupState.Stable:
            case GroupState.CompletingRebalance:
                PrepareRebalance(group);
                break;
            case GroupState.PreparingRebalance:
                TryCompleteJoin(group);
                break;
        }
    }

    private static void RemoveMember(ConsumerGroup group, GroupMember member, ErrorCode answerToWaiters)
    {
        member.SessionTimer?.Dispose();
        member.JoinWaiter?.TrySetResult(JoinGroupResult.Error(answerToWaiters, member.MemberId));
        member.SyncWaiter?.TrySetResult(SyncGroupResult.Error(answerToWaiters));
        group.Members.Remove(member.MemberId);
        if (member.GroupInstanceId is { } instanceId && group.StaticMembers.GetValueOrDefault(instanceId) == member.MemberId)
        {
            group.StaticMembers.Remove(instanceId);
        }
    }

    // A heartbeat (or join, sync, commit) resets the member's session; it expires sessionTimeoutMs after the last one.
    private void ScheduleSessionExpiry(ConsumerGroup group, GroupMember member)
    {
        member.SessionTimer ??= _time.CreateTimer(_ => OnSessionExpired(group, member), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        member.SessionTimer.Change(TimeSpan.FromMilliseconds(member.SessionTimeoutMs), Timeout.InfiniteTimeSpan);
    }

    private void OnSessionExpired(ConsumerGroup group, GroupMember member)
    {
        lock (group.Lock)
        {
            if (group.Members.GetValueOrDefault(member.MemberId) != member)
            {
                return;
            }

            if (member.IsAwaitingJoin || member.SyncWaiter is not null)
            {
                // A member waiting in JoinGroup or SyncGroup is alive (Kafka MemberMetadata.shouldKeepAlive).
                ScheduleSessionExpiry(group, member);
                return;
            }

            RemoveMemberAndRebalance(group, member);
        }
    }

    private void ExpirePendingMember(ConsumerGroup group, string memberId)
    {
        lock (group.Lock)
        {
            if (group.PendingMembers.Remove(memberId, out var expiry))
            {
                expiry.Dispose();
                TryCompleteJoin(group);
            }
        }
    }
}
