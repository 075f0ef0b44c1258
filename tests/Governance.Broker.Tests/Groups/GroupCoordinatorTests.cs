using Governance.Broker.Activity;
using Governance.Broker.Groups;
using Governance.Broker.Tests.Log;
using Governance.Broker.Tests.Support;
using Governance.Broker.Topics;
using Governance.Kafka.Protocol;
using Shouldly;
using Xunit;

namespace Governance.Broker.Tests.Groups;

public sealed class GroupCoordinatorTests : IAsyncDisposable
{
    private const string Group = "billing";
    private const int InitialDelayMs = 100;
    private const int SessionTimeoutMs = 10_000;
    private const int RebalanceTimeoutMs = 5_000;

    private readonly TemporaryDirectory _directory = new();
    private readonly ManualTimeProvider _time = new();
    private readonly RecordingActivitySink _sink = new();
    private readonly ActivityAggregator _activity;
    private GroupCoordinator _groups;

    public GroupCoordinatorTests()
    {
        _activity = new ActivityAggregator(_sink, _time);
        _groups = NewCoordinator();
    }

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_first_join_gets_member_id_required_then_the_group_forms_after_the_initial_delay()
    {
        var first = await _groups.JoinAsync(JoinRequest(string.Empty, "client-a"), Cancellation);

        first.ErrorCode.ShouldBe(ErrorCode.MemberIdRequired);
        first.MemberId.ShouldStartWith("client-a-");
        var join = _groups.JoinAsync(JoinRequest(first.MemberId, "client-a"), Cancellation);
        join.IsCompleted.ShouldBeFalse();
        _groups.DescribeGroup(Group).State.ShouldBe("PreparingRebalance");

        _time.Advance(TimeSpan.FromMilliseconds(InitialDelayMs));

        var joined = await join;
        joined.ErrorCode.ShouldBe(ErrorCode.None);
        joined.GenerationId.ShouldBe(1);
        joined.LeaderId.ShouldBe(first.MemberId);
        joined.ProtocolType.ShouldBe("consumer");
        joined.ProtocolName.ShouldBe("range");
        joined.Members.ShouldHaveSingleItem().Metadata.ShouldBe(Subscriptions.For("invoices"));
        _groups.DescribeGroup(Group).State.ShouldBe("CompletingRebalance");

        var synced = await _groups.SyncAsync(SyncRequest(first.MemberId, 1, (first.MemberId, [1, 2, 3])), Cancellation);

        synced.ErrorCode.ShouldBe(ErrorCode.None);
        synced.Assignment.ShouldBe([1, 2, 3]);
        synced.ProtocolName.ShouldBe("range");
        _groups.DescribeGroup(Group).State.ShouldBe("Stable");
        _groups.Heartbeat(Group, first.MemberId, null, 1).ShouldBe(ErrorCode.None);
    }

    [Fact]
    public async Task Members_joining_together_share_a_generation_and_followers_wait_for_the_leaders_assignment()
    {
        var (a, b) = await FormGroupOfTwo();

        var leader = a.LeaderId;
        var leaderResult = a.MemberId == leader ? a : b;
        var follower = a.MemberId == leader ? b : a;
        leaderResult.Members.Count.ShouldBe(2);
        follower.Members.ShouldBeEmpty();
        follower.GenerationId.ShouldBe(leaderResult.GenerationId);

        var followerSync = _groups.SyncAsync(SyncRequest(follower.MemberId, follower.GenerationId), Cancellation);
        followerSync.IsCompleted.ShouldBeFalse();
        var leaderSync = await _groups.SyncAsync(SyncRequest(leader, leaderResult.GenerationId, (leader, [1]), (follower.MemberId, [2])), Cancellation);

        leaderSync.Assignment.ShouldBe([1]);
        (await followerSync).Assignment.ShouldBe([2]);
        (await _groups.SyncAsync(SyncRequest(follower.MemberId, follower.GenerationId), Cancellation)).Assignment.ShouldBe([2]);
    }

    [Fact]
    public async Task A_new_member_triggers_a_rebalance_that_completes_when_everyone_rejoined()
    {
        var (a, b) = await FormStableGroupOfTwo();
        var c = await JoinNew("client-c");
        var cJoin = _groups.JoinAsync(JoinRequest(c, "client-c"), Cancellation);

        _groups.Heartbeat(Group, a.MemberId, null, a.GenerationId).ShouldBe(ErrorCode.RebalanceInProgress);
        (await _groups.SyncAsync(SyncRequest(a.MemberId, a.GenerationId), Cancellation)).ErrorCode.ShouldBe(ErrorCode.RebalanceInProgress);
        var aJoin = _groups.JoinAsync(JoinRequest(a.MemberId, "client-a"), Cancellation);
        aJoin.IsCompleted.ShouldBeFalse();
        var bJoin = _groups.JoinAsync(JoinRequest(b.MemberId, "client-b"), Cancellation);

        var results = await Task.WhenAll(aJoin, bJoin, cJoin);

        results.ShouldAllBe(r => r.ErrorCode == ErrorCode.None && r.GenerationId == a.GenerationId + 1);
        results.Select(r => r.LeaderId).Distinct().ShouldHaveSingleItem().ShouldBe(a.LeaderId);
        _groups.Heartbeat(Group, a.MemberId, null, a.GenerationId).ShouldBe(ErrorCode.IllegalGeneration);
        _groups.CommitOffsets(Group, a.GenerationId, a.MemberId, null, [Offset("invoices", 0, 5)]).ShouldHaveSingleItem().ErrorCode.ShouldBe(ErrorCode.IllegalGeneration);
        (await _groups.SyncAsync(SyncRequest(a.MemberId, a.GenerationId), Cancellation)).ErrorCode.ShouldBe(ErrorCode.IllegalGeneration);
        _groups.CommitOffsets(Group, a.GenerationId + 1, a.MemberId, null, [Offset("invoices", 0, 5)]).ShouldHaveSingleItem().ErrorCode.ShouldBe(ErrorCode.RebalanceInProgress);
    }

    [Fact]
    public async Task Members_that_do_not_rejoin_within_the_rebalance_timeout_are_removed()
    {
        var (a, b) = await FormStableGroupOfTwo();
        _groups.Leave(Group, [new LeaveGroupMember(string.Empty, null)]).Members.ShouldHaveSingleItem().ErrorCode.ShouldBe(ErrorCode.UnknownMemberId);
        var c = await JoinNew("client-c");
        var cJoin = _groups.JoinAsync(JoinRequest(c, "client-c"), Cancellation);
        var aJoin = _groups.JoinAsync(JoinRequest(a.MemberId, "client-a"), Cancellation);
        _groups.Heartbeat(Group, b.MemberId, null, b.GenerationId).ShouldBe(ErrorCode.RebalanceInProgress);

        _time.Advance(TimeSpan.FromMilliseconds(RebalanceTimeoutMs));

        var results = await Task.WhenAll(aJoin, cJoin);
        results.ShouldAllBe(r => r.ErrorCode == ErrorCode.None);
        results.Max(r => r.Members.Count).ShouldBe(2);
        _groups.Heartbeat(Group, b.MemberId, null, b.GenerationId).ShouldBe(ErrorCode.UnknownMemberId);
        _groups.DescribeGroup(Group).Members.Select(m => m.MemberId).ShouldBe([a.MemberId, c], ignoreOrder: true);
    }

    [Fact]
    public async Task A_member_whose_session_expires_is_removed_and_the_rest_rebalance()
    {
        var (a, b) = await FormStableGroupOfTwo();

        _time.Advance(TimeSpan.FromMilliseconds(SessionTimeoutMs / 2));
        _groups.Heartbeat(Group, a.MemberId, null, a.GenerationId).ShouldBe(ErrorCode.None);
        _time.Advance(TimeSpan.FromMilliseconds((SessionTimeoutMs / 2) + 1));

        _groups.Heartbeat(Group, b.MemberId, null, b.GenerationId).ShouldBe(ErrorCode.UnknownMemberId);
        _groups.Heartbeat(Group, a.MemberId, null, a.GenerationId).ShouldBe(ErrorCode.RebalanceInProgress);
        var rejoined = await _groups.JoinAsync(JoinRequest(a.MemberId, "client-a"), Cancellation);
        rejoined.GenerationId.ShouldBe(a.GenerationId + 1);
        rejoined.LeaderId.ShouldBe(a.MemberId);
        rejoined.Members.ShouldHaveSingleItem();
    }

    [Fact]
    public async Task Leaving_rebalances_the_rest_and_the_last_leave_empties_the_group()
    {
        var (a, b) = await FormStableGroupOfTwo();

        var left = _groups.Leave(Group, [new LeaveGroupMember(b.MemberId, null)]);

        left.Members.ShouldHaveSingleItem().ErrorCode.ShouldBe(ErrorCode.None);
        _groups.DescribeGroup(Group).State.ShouldBe("PreparingRebalance");
        var rejoined = await _groups.JoinAsync(JoinRequest(a.MemberId, "client-a"), Cancellation);
        rejoined.Members.ShouldHaveSingleItem();
        _groups.Leave(Group, [new LeaveGroupMember(a.MemberId, null)]).Members[0].ErrorCode.ShouldBe(ErrorCode.None);
        _groups.DescribeGroup(Group).State.ShouldBe("Empty");
        _groups.DescribeGroup(Group).Members.ShouldBeEmpty();
        _groups.Leave("nobody", [new LeaveGroupMember("x", null)]).ErrorCode.ShouldBe(ErrorCode.UnknownMemberId);
    }

    [Fact]
    public async Task The_protocol_every_member_supports_with_most_votes_is_chosen_and_others_are_refused()
    {
        var a = await JoinNew("client-a");
        var b = await JoinNew("client-b");
        var c = await JoinNew("client-c");
        var joins = new[]
        {
            _groups.JoinAsync(JoinRequest(a, "client-a", protocols: ["range", "roundrobin"]), Cancellation),
            _groups.JoinAsync(JoinRequest(b, "client-b", protocols: ["roundrobin", "range"]), Cancellation),
            _groups.JoinAsync(JoinRequest(c, "client-c", protocols: ["cooperative-sticky", "roundrobin"]), Cancellation),
        };
        _time.Advance(TimeSpan.FromMilliseconds(InitialDelayMs));

        (await Task.WhenAll(joins)).ShouldAllBe(r => r.ProtocolName == "roundrobin");

        var d = await JoinNew("client-d", ["roundrobin"]);
        var refused = await _groups.JoinAsync(JoinRequest(d, "client-d", protocols: ["sticky"]), Cancellation);
        refused.ErrorCode.ShouldBe(ErrorCode.InconsistentGroupProtocol);
        var otherType = await _groups.JoinAsync(JoinRequest(d, "client-d", protocolType: "connect"), Cancellation);
        otherType.ErrorCode.ShouldBe(ErrorCode.InconsistentGroupProtocol);
    }

    [Fact]
    public async Task Requests_are_checked_before_anything_changes()
    {
        (await _groups.JoinAsync(JoinRequest(string.Empty, "c", groupId: string.Empty), Cancellation)).ErrorCode.ShouldBe(ErrorCode.InvalidGroupId);
        (await _groups.JoinAsync(JoinRequest(string.Empty, "c", sessionTimeoutMs: 10), Cancellation)).ErrorCode.ShouldBe(ErrorCode.InvalidSessionTimeout);
        (await _groups.JoinAsync(JoinRequest("ghost", "c", groupId: "unknown-group"), Cancellation)).ErrorCode.ShouldBe(ErrorCode.UnknownMemberId);
        (await _groups.JoinAsync(JoinRequest(string.Empty, "c", protocols: []), Cancellation)).ErrorCode.ShouldBe(ErrorCode.InconsistentGroupProtocol);
        (await _groups.SyncAsync(SyncRequest("ghost", 1) with { GroupId = "unknown-group" }, Cancellation)).ErrorCode.ShouldBe(ErrorCode.UnknownMemberId);
        _groups.Heartbeat("unknown-group", "ghost", null, 1).ShouldBe(ErrorCode.UnknownMemberId);
        _groups.ListGroups().ShouldAllBe(g => g.GroupId != "unknown-group");
    }

    [Fact]
    public async Task Committed_offsets_are_fetched_and_survive_a_restart_with_the_generation()
    {
        var (a, _) = await FormStableGroupOfTwo();
        var results = _groups.CommitOffsets(Group, a.GenerationId, a.MemberId, null, [Offset("invoices", 0, 42, "checkpoint"), Offset("invoices", 1, 7, null)]);
        results.ShouldAllBe(r => r.ErrorCode == ErrorCode.None);

        await _groups.DisposeAsync();
        _groups = NewCoordinator();

        var fetched = _groups.FetchOffsets(Group, [("invoices", 0), ("invoices", 1), ("invoices", 2)]);
        fetched.Offsets.Select(o => (o.Partition, o.Offset, o.Metadata)).ShouldBe([(0, 42L, "checkpoint"), (1, 7L, string.Empty), (2, -1L, string.Empty)]);
        _groups.FetchOffsets(Group, null).Offsets.Count.ShouldBe(2);
        _groups.DescribeGroup(Group).State.ShouldBe("Empty");

        // The old generation does not come back: members of the previous run must rejoin.
        _groups.CommitOffsets(Group, a.GenerationId, a.MemberId, null, [Offset("invoices", 0, 50)]).ShouldHaveSingleItem().ErrorCode.ShouldBe(ErrorCode.UnknownMemberId);
        var member = await JoinNew("client-a");
        var join = _groups.JoinAsync(JoinRequest(member, "client-a"), Cancellation);
        _time.Advance(TimeSpan.FromMilliseconds(InitialDelayMs));
        (await join).GenerationId.ShouldBe(a.GenerationId + 1);
    }

    [Fact]
    public async Task Simple_commits_work_only_while_the_group_has_no_members()
    {
        _groups.CommitOffsets("tools", -1, string.Empty, null, [Offset("invoices", 0, 3)]).ShouldHaveSingleItem().ErrorCode.ShouldBe(ErrorCode.None);
        _groups.FetchOffsets("tools", [("invoices", 0)]).Offsets[0].Offset.ShouldBe(3);
        _groups.ListGroups().ShouldContain(new GroupListing("tools", string.Empty, "Empty"));

        await FormStableGroupOfTwo();
        _groups.CommitOffsets(Group, -1, string.Empty, null, [Offset("invoices", 0, 3)]).ShouldHaveSingleItem().ErrorCode.ShouldBe(ErrorCode.UnknownMemberId);
        _groups.CommitOffsets("absent", 3, "someone", null, [Offset("invoices", 0, 3)]).ShouldHaveSingleItem().ErrorCode.ShouldBe(ErrorCode.IllegalGeneration);
    }

    [Fact]
    public void Metadata_above_the_limit_fails_only_that_partition()
    {
        var results = _groups.CommitOffsets("tools", -1, string.Empty, null, [Offset("invoices", 0, 1, new string('m', 5000)), Offset("invoices", 1, 1)]);

        results.Select(r => r.ErrorCode).ShouldBe([ErrorCode.OffsetMetadataTooLarge, ErrorCode.None]);
    }

    [Fact]
    public async Task Static_members_skip_member_id_required_and_a_restarted_instance_fences_its_old_self()
    {
        var join = _groups.JoinAsync(JoinRequest(string.Empty, "client-a", instanceId: "pod-1"), Cancellation);
        _time.Advance(TimeSpan.FromMilliseconds(InitialDelayMs));
        var first = await join;
        first.ErrorCode.ShouldBe(ErrorCode.None);
        first.MemberId.ShouldStartWith("pod-1-");
        await _groups.SyncAsync(SyncRequest(first.MemberId, first.GenerationId, (first.MemberId, [9])) with { GroupInstanceId = "pod-1" }, Cancellation);

        var second = await _groups.JoinAsync(JoinRequest(string.Empty, "client-a", instanceId: "pod-1"), Cancellation);

        second.MemberId.ShouldNotBe(first.MemberId);
        _groups.Heartbeat(Group, first.MemberId, "pod-1", first.GenerationId).ShouldBe(ErrorCode.FencedInstanceId);
        _groups.Leave(Group, [new LeaveGroupMember(first.MemberId, "pod-1")]).Members[0].ErrorCode.ShouldBe(ErrorCode.FencedInstanceId);
        _groups.Leave(Group, [new LeaveGroupMember(string.Empty, "pod-1")]).Members[0].ErrorCode.ShouldBe(ErrorCode.None);
        _groups.DescribeGroup(Group).State.ShouldBe("Empty");
    }

    [Fact]
    public async Task Groups_are_listed_and_described_with_their_members_and_topics()
    {
        var (a, b) = await FormStableGroupOfTwo();

        _groups.ListGroups().ShouldContain(new GroupListing(Group, "consumer", "Stable"));
        _groups.ListGroups(["stable"]).ShouldHaveSingleItem().GroupId.ShouldBe(Group);
        _groups.ListGroups(["Empty"]).ShouldBeEmpty();
        var description = _groups.DescribeGroup(Group);
        description.ProtocolType.ShouldBe("consumer");
        description.ProtocolName.ShouldBe("range");
        description.SubscribedTopics.ShouldBe(["invoices"]);
        description.Members.Select(m => m.ClientId).ShouldBe(["client-a", "client-b"], ignoreOrder: true);
        description.Members.ShouldAllBe(m => m.ClientHost == "/127.0.0.1" && m.Metadata.Length > 0);
        description.Members.Single(m => m.MemberId == a.MemberId).Assignment.ShouldBe([1]);
        var dead = _groups.DescribeGroup("nobody");
        dead.State.ShouldBe("Dead");
        dead.ErrorCode.ShouldBe(ErrorCode.None);
        var joined = _sink.Groups.Where(g => g.Kind == GroupActivityKind.Joined).ToList();
        joined.Select(g => (g.ClientId, g.Group)).ShouldContain(("client-b", Group));
        joined.ShouldAllBe(g => g.Topics.SequenceEqual(new[] { "invoices" }));
        b.ErrorCode.ShouldBe(ErrorCode.None);
    }

    [Fact]
    public async Task Only_empty_groups_are_deleted_and_their_offsets_go_with_them()
    {
        await FormStableGroupOfTwo();
        _groups.CommitOffsets("tools", -1, string.Empty, null, [Offset("invoices", 0, 3)]);

        _groups.DeleteGroup(Group).ShouldBe(ErrorCode.NonEmptyGroup);
        _groups.DeleteGroup("nobody").ShouldBe(ErrorCode.GroupIdNotFound);
        _groups.DeleteGroup("tools").ShouldBe(ErrorCode.None);

        await _groups.DisposeAsync();
        _groups = NewCoordinator();
        _groups.FetchOffsets("tools", [("invoices", 0)]).Offsets[0].Offset.ShouldBe(-1);
    }

    [Fact]
    public void Subscription_topics_are_read_from_consumer_metadata_and_garbage_gives_none()
    {
        ConsumerProtocol.ReadSubscriptionTopics(Subscriptions.For("a", "b.c")).ShouldBe(["a", "b.c"]);
        ConsumerProtocol.ReadSubscriptionTopics([0, 0, 0x7F, 0xFF, 0xFF, 0xFF]).ShouldBeEmpty();
        ConsumerProtocol.ReadSubscriptionTopics([0, 0, 0, 0, 0, 1, 0, 9, 65]).ShouldBeEmpty();
        ConsumerProtocol.ReadSubscriptionTopics([]).ShouldBeEmpty();
    }

    [Fact]
    public void Assignments_are_read_by_topic_and_garbage_gives_none()
    {
        var assignment = ConsumerProtocol.ReadAssignment(Subscriptions.Assignment(("invoices", [0, 2]), ("refunds", [])));

        assignment.Select(a => a.Topic).ShouldBe(["invoices", "refunds"]);
        assignment[0].Partitions.ShouldBe([0, 2]);
        assignment[1].Partitions.ShouldBeEmpty();
        ConsumerProtocol.ReadAssignment([]).ShouldBeEmpty();
        ConsumerProtocol.ReadAssignment([0, 0, 0, 0, 0, 1, 0, 8, 65, 66]).ShouldBeEmpty();
        ConsumerProtocol.ReadAssignment([0, 0, 0, 0, 0, 1, 0, 1, 65, 0x7F, 0, 0, 0]).ShouldBeEmpty();
    }

    [Fact]
    public async Task Described_members_show_the_partitions_the_leader_assigned()
    {
        var (a, b) = await FormGroupOfTwo();
        var leader = a.LeaderId;
        var follower = leader == a.MemberId ? b.MemberId : a.MemberId;
        await Task.WhenAll(
            _groups.SyncAsync(SyncRequest(leader, a.GenerationId, (leader, Subscriptions.Assignment(("invoices", [0]))), (follower, Subscriptions.Assignment(("invoices", [1, 2])))), Cancellation),
            _groups.SyncAsync(SyncRequest(follower, a.GenerationId), Cancellation));

        var members = _groups.DescribeGroup(Group).Members;

        members.Single(m => m.MemberId == follower).AssignedPartitions.ShouldHaveSingleItem().Partitions.ShouldBe([1, 2]);
        members.Single(m => m.MemberId == leader).AssignedPartitions.ShouldHaveSingleItem().Topic.ShouldBe("invoices");
    }

    public async ValueTask DisposeAsync()
    {
        await _groups.DisposeAsync();
        _directory.Dispose();
    }

    private GroupCoordinator NewCoordinator() =>
        new(new GroupCoordinatorOptions { DataDirectory = _directory.Path, InitialRebalanceDelayMs = InitialDelayMs }, _activity, _time);

    private static JoinGroupRequest JoinRequest(
        string memberId,
        string clientId,
        string groupId = Group,
        string? instanceId = null,
        string[]? protocols = null,
        string protocolType = "consumer",
        int sessionTimeoutMs = SessionTimeoutMs) =>
        new(
            groupId,
            memberId,
            instanceId,
            clientId,
            "/127.0.0.1",
            sessionTimeoutMs,
            RebalanceTimeoutMs,
            protocolType,
            [.. (protocols ?? ["range"]).Select(name => new GroupProtocol(name, Subscriptions.For("invoices")))],
            RequireKnownMemberId: true);

    private static SyncGroupRequest SyncRequest(string memberId, int generationId, params (string MemberId, byte[] Assignment)[] assignments) =>
        new(Group, generationId, memberId, null, "consumer", null, [.. assignments.Select(a => new MemberAssignment(a.MemberId, a.Assignment))]);

    private static OffsetCommitEntry Offset(string topic, int partition, long offset, string? metadata = "") => new(topic, partition, offset, -1, metadata);

    private async Task<string> JoinNew(string clientId, string[]? protocols = null)
    {
        var result = await _groups.JoinAsync(JoinRequest(string.Empty, clientId, protocols: protocols), Cancellation);
        result.ErrorCode.ShouldBe(ErrorCode.MemberIdRequired);
        return result.MemberId;
    }

    private async Task<(JoinGroupResult A, JoinGroupResult B)> FormGroupOfTwo()
    {
        var a = await JoinNew("client-a");
        var b = await JoinNew("client-b");
        var aJoin = _groups.JoinAsync(JoinRequest(a, "client-a"), Cancellation);
        var bJoin = _groups.JoinAsync(JoinRequest(b, "client-b"), Cancellation);
        _time.Advance(TimeSpan.FromMilliseconds(InitialDelayMs));
        return (await aJoin, await bJoin);
    }

    private async Task<(JoinGroupResult A, JoinGroupResult B)> FormStableGroupOfTwo()
    {
        var (a, b) = await FormGroupOfTwo();
        var leaderSync = _groups.SyncAsync(SyncRequest(a.LeaderId, a.GenerationId, (a.MemberId, [1]), (b.MemberId, [2])), Cancellation);
        var other = a.LeaderId == a.MemberId ? b.MemberId : a.MemberId;
        await Task.WhenAll(leaderSync, _groups.SyncAsync(SyncRequest(other, a.GenerationId), Cancellation));
        _groups.DescribeGroup(Group).State.ShouldBe("Stable");
        return (a, b);
    }
}
