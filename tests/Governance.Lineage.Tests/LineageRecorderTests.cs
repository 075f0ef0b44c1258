using Governance.Broker.Activity;
using Governance.Lineage.Graph;
using Governance.Lineage.Recording;
using Governance.Lineage.Tests.Support;
using Microsoft.Extensions.Time.Testing;
using Shouldly;

namespace Governance.Lineage.Tests;

/// <summary>The recorder and query over a real SQLite store, on a fake clock.</summary>
public sealed class LineageRecorderTests
{
    private static readonly DateTimeOffset Start = new(2026, 12, 2, 10, 0, 0, TimeSpan.Zero);
    private readonly FakeTimeProvider _time = new(Start);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_produce_is_one_edge_answered_before_and_after_it_is_stored_and_absent_outside_its_window()
    {
        await using var host = await LineageHost.StartAsync(_time);
        host.Recorder.OnTraffic(Batch(Produce("orders-svc", "orders", 0, 600, 614_400), Produce("orders-svc", "orders", 1, 400, 409_600)));
        _time.Advance(TimeSpan.FromSeconds(20));

        var pending = await host.Query.GetGraphAsync(Start.AddMinutes(-5), _time.GetUtcNow(), null, 10, Ct);
        await host.Recorder.FlushAsync(Ct);
        var stored = await host.Query.GetGraphAsync(Start.AddMinutes(-5), _time.GetUtcNow(), null, 10, Ct);
        var before = await host.Query.GetGraphAsync(Start.AddMinutes(-10), Start.AddMinutes(-1), null, 10, Ct);

        foreach (var graph in new[] { pending, stored })
        {
            var edge = graph.Edges.ShouldHaveSingleItem();
            edge.ShouldBe(new LineageEdge("client:orders-svc", "topic:local/orders", EdgeKinds.Produces, 1000, 1_024_000, Start, Start.AddSeconds(5)));
            graph.Nodes.Select(n => (n.Id, n.Kind, n.Name)).ShouldBe([("client:orders-svc", "client", "orders-svc"), ("topic:local/orders", "topic", "orders")]);
        }

        before.Edges.ShouldBeEmpty();
    }

    [Fact]
    public async Task Fetches_in_a_group_link_topic_and_member_to_the_group_and_fetches_without_one_link_the_topic_to_the_client()
    {
        await using var host = await LineageHost.StartAsync(_time);
        host.Recorder.OnTraffic(Batch(
            Fetch("ledger-1", "payments", "ledger", 30),
            Fetch("ledger-2", "payments", "ledger", 12),
            Fetch("auditor", "payments", null, 5)));

        var graph = await host.Query.GetGraphAsync(Start.AddMinutes(-1), Start.AddMinutes(1), null, 10, Ct);

        graph.Edges.Select(e => (e.From, e.To, e.Kind, e.Records)).ShouldBe(
        [
            ("client:ledger-1", "group:local/ledger", EdgeKinds.Consumes, 30L),
            ("client:ledger-2", "group:local/ledger", EdgeKinds.Consumes, 12L),
            ("topic:local/payments", "client:auditor", EdgeKinds.Consumes, 5L),
            ("topic:local/payments", "group:local/ledger", EdgeKinds.Consumes, 42L),
        ]);
    }

    [Fact]
    public async Task A_past_window_answers_the_same_while_traffic_continues_and_buckets_that_overlap_it_count()
    {
        await using var host = await LineageHost.StartAsync(_time);
        host.Recorder.OnTraffic(Batch(Produce("a", "t", 0, 10, 100)));
        await host.Recorder.FlushAsync(Ct);
        var window = (From: Start.AddSeconds(30), To: Start.AddSeconds(45)); // inside the first minute bucket
        var first = await host.Query.GetGraphAsync(window.From, window.To, null, 10, Ct);

        _time.Advance(TimeSpan.FromMinutes(3));
        host.Recorder.OnTraffic(Batch(Produce("a", "t", 0, 7, 70)));
        var later = await host.Query.GetGraphAsync(window.From, window.To, null, 10, Ct);

        first.Edges.ShouldHaveSingleItem().Records.ShouldBe(10);
        later.Edges.ShouldBe(first.Edges);
        (await host.Query.GetGraphAsync(Start, _time.GetUtcNow().AddHours(1), null, 10, Ct)).Edges.ShouldHaveSingleItem().Records.ShouldBe(17);
    }

    [Fact]
    public async Task Focus_and_depth_keep_the_neighbourhood_and_bad_windows_or_depths_are_refused()
    {
        await using var host = await LineageHost.StartAsync(_time);
        host.Recorder.OnTraffic(Batch(Produce("writer", "orders", 0, 1, 1), Fetch("reader", "orders", "billing", 1), Produce("other", "clicks", 0, 1, 1)));
        var (from, to) = (Start.AddMinutes(-1), Start.AddMinutes(1));

        var one = await host.Query.GetGraphAsync(from, to, "client:writer", 1, Ct);
        var two = await host.Query.GetGraphAsync(from, to, "client:writer", 2, Ct);
        var none = await host.Query.GetGraphAsync(from, to, "client:writer", 0, Ct);

        one.Edges.Select(e => e.To).ShouldBe(["topic:local/orders"]);
        two.Edges.Select(e => (e.From, e.To)).ShouldBe([("client:writer", "topic:local/orders"), ("topic:local/orders", "group:local/billing")]);
        none.Edges.ShouldBeEmpty();
        none.Nodes.ShouldHaveSingleItem().Id.ShouldBe("client:writer");
        (await host.Query.IsKnownAsync("client:writer", Ct)).ShouldBeTrue();
        (await host.Query.IsKnownAsync("client:nobody", Ct)).ShouldBeFalse();
        (await Should.ThrowAsync<ArgumentException>(() => host.Query.GetGraphAsync(to, from, null, 1, Ct))).Message.ShouldContain("after its end");
        (await Should.ThrowAsync<ArgumentException>(() => host.Query.GetGraphAsync(from, to, null, ILineageQuery.MaxDepth + 1, Ct))).Message.ShouldContain("depth");
    }

    [Fact]
    public async Task Registry_traffic_links_client_subject_schema_and_the_topic_the_subject_names()
    {
        await using var host = await LineageHost.StartAsync(_time);
        host.Recorder.OnRegistryAccess(new RegistryAccess("Confluent.SchemaRegistry@10.0.0.5", "10.0.0.5", "Confluent.SchemaRegistry/2.16", null, RegistryAccessKind.Registers, "orders-value", 3, Start));
        host.Recorder.OnRegistryAccess(new RegistryAccess("svc", "10.0.0.6", null, "svc", RegistryAccessKind.LooksUp, "orders-value", 3, Start));
        host.Recorder.OnRegistryAccess(new RegistryAccess("svc", "10.0.0.6", null, "svc", RegistryAccessKind.LooksUp, "free-form", null, Start));

        var graph = await host.Query.GetGraphAsync(Start.AddMinutes(-1), Start.AddMinutes(1), null, 10, Ct);

        graph.Edges.Select(e => (e.From, e.To, e.Kind, e.Records)).ShouldBe(
        [
            ("client:Confluent.SchemaRegistry@10.0.0.5", "subject:orders-value", EdgeKinds.Registers, 1L),
            ("client:svc", "subject:free-form", EdgeKinds.UsesSchema, 1L),
            ("client:svc", "subject:orders-value", EdgeKinds.UsesSchema, 1L),
            ("subject:orders-value", "schema:3", EdgeKinds.UsesSchema, 2L),
            ("topic:local/orders", "subject:orders-value", EdgeKinds.UsesSchema, 2L),
        ]);
        graph.Nodes.Single(n => n.Id == "client:Confluent.SchemaRegistry@10.0.0.5").Attributes["userAgent"].ShouldBe("Confluent.SchemaRegistry/2.16");
    }

    [Fact]
    public async Task Minutes_roll_up_into_hours_after_their_age_and_everything_goes_after_retention()
    {
        await using var host = await LineageHost.StartAsync(_time);
        host.Recorder.OnTraffic(Batch(Produce("a", "t", 0, 1, 10)));
        _time.Advance(TimeSpan.FromMinutes(20));
        host.Recorder.OnTraffic(Batch(Produce("a", "t", 0, 2, 20)));
        await host.Recorder.FlushAsync(Ct);
        var hour = (From: Start, To: Start.AddHours(1));

        _time.Advance(TimeSpan.FromDays(7) - TimeSpan.FromMinutes(10)); // the first minute is now older than 7 days, the second not
        await host.Service.RunMaintenanceAsync(Ct);
        var buckets = await host.Store.ReadBucketsAsync(hour.From, hour.To, Ct);
        var afterRollUp = await host.Query.GetGraphAsync(hour.From, hour.To, null, 10, Ct);
        _time.Advance(TimeSpan.FromDays(1));
        await host.Service.RunMaintenanceAsync(Ct);
        var allHours = await host.Store.ReadBucketsAsync(hour.From, hour.To, Ct);
        _time.Advance(TimeSpan.FromDays(83));
        await host.Service.RunMaintenanceAsync(Ct);

        buckets.Select(b => (b.Length, b.Records)).ShouldBe([(TimeSpan.FromHours(1), 1L), (TimeSpan.FromMinutes(1), 2L)], ignoreOrder: true);
        afterRollUp.Edges.ShouldHaveSingleItem().Records.ShouldBe(3);
        allHours.ShouldHaveSingleItem().ShouldBe(allHours[0] with { Length = TimeSpan.FromHours(1), Records = 3, Bytes = 30 });
        allHours[0].FirstSeen.ShouldBe(Start);
        allHours[0].LastSeen.ShouldBe(Start.AddMinutes(20).AddSeconds(5));
        (await host.Store.ReadBucketsAsync(hour.From, hour.To, Ct)).ShouldBeEmpty();
    }

    [Fact]
    public async Task Stopping_the_service_stores_the_open_minute_which_a_new_instance_then_answers()
    {
        var settings = LineageHost.FreshSqlite();
        await using (var first = await LineageHost.StartAsync(_time, settings))
        {
            first.Recorder.OnTraffic(Batch(Produce("a", "t", 0, 5, 50)));
            await first.Service.StopAsync(Ct);
        }

        await using var second = await LineageHost.StartAsync(_time, settings);
        (await second.Query.GetGraphAsync(Start.AddMinutes(-1), Start.AddMinutes(1), null, 10, Ct)).Edges.ShouldHaveSingleItem().Records.ShouldBe(5);
    }

    private TrafficBatch Batch(params TrafficCount[] flows) => new(_time.GetUtcNow().AddSeconds(-5), _time.GetUtcNow(), flows, []);

    private TrafficCount Produce(string client, string topic, int partition, long records, long bytes) =>
        new(client, "User:ANONYMOUS", topic, partition, ActivityDirection.Produce, null, records, bytes, _time.GetUtcNow(), _time.GetUtcNow().AddSeconds(5));

    private TrafficCount Fetch(string client, string topic, string? group, long records) =>
        new(client, "User:ANONYMOUS", topic, 0, ActivityDirection.Fetch, group, records, records * 10, _time.GetUtcNow(), _time.GetUtcNow());
}
