using Governance.Broker.Tests.Log;
using Governance.Broker.Tests.Support;
using Governance.Kafka.Protocol;
using Governance.Kafka.Protocol.Messages;
using Shouldly;
using Xunit;

namespace Governance.Broker.Tests.Network;

/// <summary>
/// Fetch long polling as Kafka's delayed fetch: an answer waits until MinBytes have accumulated over the requested
/// partitions or MaxWaitMs has passed, unless no partition's answer can grow any more.
/// </summary>
public sealed class FetchLongPollTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_answer_below_min_bytes_waits_for_more_records_and_then_carries_them_too()
    {
        await using var broker = TestBroker.Start();
        broker.Server.Topics.CreateTopic("slow", 2).IsSuccess.ShouldBeTrue();
        var first = broker.Server.Topics.GetPartition("slow", 0)!;
        var second = broker.Server.Topics.GetPartition("slow", 1)!;
        await first.AppendAsync(Batches.Of(1, valueSize: 100), Token);
        await second.AppendAsync(Batches.Of(1, valueSize: 100), Token);
        using var client = await RawKafkaClient.ConnectAsync(broker.Server.LocalEndPoint, Token);

        // Both partitions have records, so the answer could go at once; MinBytes says to wait for more.
        var answer = client.SendAsync<FetchResponse>(ApiKey.Fetch, 11, FetchRequests.FromStart("slow", 2, minBytes: 2_000, maxWaitMs: 60_000), Token);
        await Task.Delay(300, Token);
        answer.IsCompleted.ShouldBeFalse("200 bytes are below MinBytes, and the wait is a minute");
        await second.AppendAsync(Batches.Of(2, valueSize: 1_000), Token);
        var response = await answer.WaitAsync(TimeSpan.FromSeconds(30), Token);

        var partitions = response.Responses.ShouldHaveSingleItem().Partitions;
        Batches.Headers(partitions[0].Records!.Value).Select(h => h.RecordCount).ShouldBe([1]);
        Batches.Headers(partitions[1].Records!.Value).Select(h => h.RecordCount).ShouldBe([1, 2]);
    }

    [Fact]
    public async Task When_min_bytes_never_accumulate_the_answer_comes_after_max_wait_with_what_there_is()
    {
        await using var broker = TestBroker.Start();
        broker.Server.Topics.CreateTopic("quiet", 1).IsSuccess.ShouldBeTrue();
        await broker.Server.Topics.GetPartition("quiet", 0)!.AppendAsync(Batches.Of(1), Token);
        using var client = await RawKafkaClient.ConnectAsync(broker.Server.LocalEndPoint, Token);

        var response = await client.SendAsync<FetchResponse>(ApiKey.Fetch, 11, FetchRequests.FromStart("quiet", 1, minBytes: 1 << 20, maxWaitMs: 200), Token);

        Batches.Headers(response.Responses[0].Partitions[0].Records!.Value).ShouldHaveSingleItem().RecordCount.ShouldBe(1);
    }

    [Fact]
    public async Task An_answer_that_stopped_at_its_size_limit_cannot_grow_and_comes_at_once()
    {
        await using var broker = TestBroker.Start(o => o with { FetchPartitionMaxBytes = 1_000 });
        broker.Server.Topics.CreateTopic("full", 1).IsSuccess.ShouldBeTrue();
        var partition = broker.Server.Topics.GetPartition("full", 0)!;
        await partition.AppendAsync(Batches.Of(1, valueSize: 900), Token);
        await partition.AppendAsync(Batches.Of(1, valueSize: 900), Token);
        using var client = await RawKafkaClient.ConnectAsync(broker.Server.LocalEndPoint, Token);

        var answer = client.SendAsync<FetchResponse>(ApiKey.Fetch, 11, FetchRequests.FromStart("full", 1, minBytes: 1 << 20, maxWaitMs: 600_000), Token);
        var response = await answer.WaitAsync(TimeSpan.FromSeconds(30), Token);

        Batches.Headers(response.Responses[0].Partitions[0].Records!.Value).ShouldHaveSingleItem().BaseOffset.ShouldBe(0);
    }
}
