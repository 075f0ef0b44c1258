using Governance.Lineage.Graph;
using Governance.Lineage.Storage;
using Governance.Storage.Tests.Support;
using Governance.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;

namespace Governance.Storage.Tests;

/// <summary>
/// Lineage buckets on both databases: adding is additive, and two instances (separate service providers and connection
/// pools) with 8 writers each adding to the same edges and minutes while both keep rolling minutes up into hours neither
/// lose nor double count.
/// </summary>
public sealed class LineageStoreTests(PostgresServer postgres)
{
    private static readonly DateTimeOffset Minute = new(2026, 12, 2, 10, 7, 0, TimeSpan.Zero);
    private static readonly EdgeKey Edge = new("client:orders-svc", "topic:local/orders", EdgeKinds.Produces);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [BothDatabases]
    public async Task Adding_a_bucket_twice_sums_its_counts_and_widens_its_first_and_last_seen(string provider)
    {
        await using var host = await RegistryHost.StartAsync(provider, postgres);
        var store = host.Services.GetRequiredService<ILineageStore>();

        await store.AddAsync([Bucket(Minute, 10, 100, Minute.AddSeconds(20), Minute.AddSeconds(30))], [Node("client:orders-svc", "software", "librdkafka")], Ct);
        await store.AddAsync([Bucket(Minute, 5, 50, Minute.AddSeconds(10), Minute.AddSeconds(25))], [Node("client:orders-svc", "principal", "User:a")], Ct);

        var bucket = (await store.ReadBucketsAsync(Minute, Minute.AddMinutes(1), Ct)).ShouldHaveSingleItem();
        bucket.ShouldBe(Bucket(Minute, 15, 150, Minute.AddSeconds(10), Minute.AddSeconds(30)));
        (await store.ReadBucketsAsync(Minute.AddMinutes(1), Minute.AddMinutes(2), Ct)).ShouldBeEmpty();
        (await store.ReadBucketsAsync(Minute.AddMinutes(-2), Minute.AddMinutes(-1), Ct)).ShouldBeEmpty();
        var node = (await store.ReadNodesAsync(["client:orders-svc", "client:unknown"], Ct)).ShouldHaveSingleItem();
        node.Attributes.ShouldBe(new Dictionary<string, string> { ["software"] = "librdkafka", ["principal"] = "User:a" }, ignoreOrder: true);
    }

    [Theory]
    [InlineData("postgresql")]
    [InlineData("sqlite")]
    public async Task Two_instances_adding_and_rolling_up_at_once_keep_every_count(string provider)
    {
        const int writersPerInstance = 8;
        const int addsPerWriter = 40;
        var settings = await RegistryHost.CreateDatabaseAsync(provider, postgres);
        await using var first = await RegistryHost.StartAsync(settings);
        await using var second = await RegistryHost.StartAsync(settings);
        var stores = new[] { first, second }.Select(h => h.Services.GetRequiredService<ILineageStore>()).ToList();
        var rollUpBefore = Minute.AddHours(2);
        using var writersDone = new CancellationTokenSource();

        var rollUps = stores.Select(store => Task.Run(
            async () =>
            {
                while (!writersDone.IsCancellationRequested)
                {
                    await store.RollUpAsync(rollUpBefore, Ct);
                }
            },
            Ct)).ToList();
        var writers = stores.SelectMany(store => Enumerable.Range(0, writersPerInstance).Select(writer => Task.Run(
            async () =>
            {
                for (var i = 0; i < addsPerWriter; i++)
                {
                    // Three minutes of one hour, the same for every writer: every add collides with others.
                    var minute = Minute.AddMinutes(i % 3);
                    await store.AddAsync([Bucket(minute, 1, 10, minute, minute.AddSeconds(1))], [], Ct);
                }
            },
            Ct))).ToList();
        await Task.WhenAll(writers);
        await writersDone.CancelAsync();
        await Task.WhenAll(rollUps);
        await stores[0].RollUpAsync(rollUpBefore, Ct);

        var buckets = await stores[1].ReadBucketsAsync(Minute.AddHours(-1), Minute.AddHours(1), Ct);
        var total = 2 * writersPerInstance * addsPerWriter;
        buckets.ShouldHaveSingleItem().Length.ShouldBe(TimeSpan.FromHours(1));
        (buckets[0].Records, buckets[0].Bytes).ShouldBe((total, total * 10L));
        buckets[0].Start.ShouldBe(new DateTimeOffset(2026, 12, 2, 10, 0, 0, TimeSpan.Zero));
    }

    [Theory]
    [BothDatabases]
    public async Task Retention_deletes_buckets_that_ended_before_the_cut(string provider)
    {
        await using var host = await RegistryHost.StartAsync(provider, postgres);
        var store = host.Services.GetRequiredService<ILineageStore>();
        await store.AddAsync([Bucket(Minute, 1, 1, Minute, Minute), Bucket(Minute.AddMinutes(1), 2, 2, Minute.AddMinutes(1), Minute.AddMinutes(1))], [], Ct);

        (await store.DeleteBeforeAsync(Minute.AddMinutes(1), Ct)).ShouldBe(1);

        (await store.ReadBucketsAsync(Minute, Minute.AddMinutes(5), Ct)).ShouldHaveSingleItem().Records.ShouldBe(2);
    }

    private static EdgeBucket Bucket(DateTimeOffset start, long records, long bytes, DateTimeOffset firstSeen, DateTimeOffset lastSeen) =>
        new(Edge, start, TimeSpan.FromMinutes(1), records, bytes, firstSeen, lastSeen);

    private static NodeRecord Node(string id, string attribute, string value) =>
        new(id, NodeKinds.Client, id["client:".Length..], new Dictionary<string, string> { [attribute] = value }, Minute);
}
