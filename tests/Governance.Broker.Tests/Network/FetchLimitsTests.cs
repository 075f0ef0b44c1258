using Governance.Broker.Hosting;
using Governance.Broker.Tests.Log;
using Governance.Broker.Tests.Support;
using Governance.Kafka.Protocol;
using Governance.Kafka.Protocol.Messages;
using Microsoft.Extensions.Configuration;
using Shouldly;
using Xunit;

namespace Governance.Broker.Tests.Network;

/// <summary>
/// The broker's own bounds on a fetch answer (FetchMaxBytes, FetchPartitionMaxBytes) apply below the client's, in
/// whole batches, and the records arrive byte for byte as stored (they are sent from the segment files).
/// </summary>
public sealed class FetchLimitsTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Answers_stay_within_the_brokers_limits_in_whole_batches_even_when_the_client_allows_more()
    {
        await using var broker = TestBroker.Start(o => o with { FetchPartitionMaxBytes = 10_000, FetchMaxBytes = 25_000 });
        broker.Server.Topics.CreateTopic("limited", 3).IsSuccess.ShouldBeTrue();
        var batch = Batches.Of(3, valueSize: 1000);
        foreach (var partition in broker.Server.Topics.GetTopic("limited")!.Partitions)
        {
            for (var i = 0; i < 10; i++)
            {
                await partition.AppendAsync(batch.ToArray(), Token);
            }
        }
        using var client = await RawKafkaClient.ConnectAsync(broker.Server.LocalEndPoint, Token);

        var response = await client.SendAsync<FetchResponse>(ApiKey.Fetch, 11, FetchRequests.FromStart("limited", 3), Token);

        var partitions = response.Responses.ShouldHaveSingleItem().Partitions;
        var perBatch = batch.Length;
        var perPartition = 10_000 / perBatch * perBatch;
        var lastPartition = Math.Min(perPartition, (25_000 - (2 * perPartition)) / perBatch * perBatch);
        partitions.Select(p => p.Records!.Value.Length).ShouldBe([perPartition, perPartition, lastPartition]);
        lastPartition.ShouldBeGreaterThan(0, "the answer's limit leaves room for some of the last partition");
        lastPartition.ShouldBeLessThan(perPartition, "the answer's limit cuts the last partition short");
        foreach (var partition in partitions.Where(p => p.Records!.Value.Length > 0))
        {
            var headers = Batches.Headers(partition.Records!.Value);
            headers.Select(h => h.BaseOffset).ShouldBe(Enumerable.Range(0, headers.Count).Select(i => 3L * i));
            headers.ShouldAllBe(h => h.RecordCount == 3);
            // Everything but baseOffset (bytes 0-7) and partitionLeaderEpoch (12-15), which the broker sets, is the producer's batch.
            var first = partition.Records!.Value.Span[..perBatch].ToArray();
            first[8..12].ShouldBe(batch[8..12]);
            first[16..].ShouldBe(batch[16..]);
        }
    }

    [Fact]
    public async Task A_first_batch_above_the_partition_limit_still_comes_whole()
    {
        await using var broker = TestBroker.Start(o => o with { FetchPartitionMaxBytes = 1_000 });
        broker.Server.Topics.CreateTopic("large", 1).IsSuccess.ShouldBeTrue();
        var batch = Batches.Of(5, valueSize: 2000);
        var partition = broker.Server.Topics.GetPartition("large", 0)!;
        await partition.AppendAsync(batch.ToArray(), Token);
        await partition.AppendAsync(batch.ToArray(), Token);
        using var client = await RawKafkaClient.ConnectAsync(broker.Server.LocalEndPoint, Token);

        var response = await client.SendAsync<FetchResponse>(ApiKey.Fetch, 11, FetchRequests.FromStart("large", 1), Token);

        var records = response.Responses[0].Partitions[0].Records!.Value;
        Batches.Headers(records).ShouldHaveSingleItem().RecordCount.ShouldBe(5);
        records.Length.ShouldBe(batch.Length);
    }

    [Theory]
    [InlineData("FetchMaxBytes", "0", "must be at least 1")]
    [InlineData("FetchPartitionMaxBytes", "-5", "must be at least 1")]
    [InlineData("FetchMaxBytes", "lots", "must be a whole number")]
    public void Limits_below_one_byte_or_not_numbers_are_refused_naming_the_key(string key, string value, string message)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { [$"Governance:Broker:{key}"] = value })
            .Build();

        var error = Should.Throw<InvalidOperationException>(() => BrokerOptionsReader.Read(configuration));

        error.Message.ShouldContain($"Governance:Broker:{key}");
        error.Message.ShouldContain(message);
    }

    [Fact]
    public void The_limits_default_to_a_quarter_megabyte_per_partition_and_four_megabytes_per_answer()
    {
        var options = BrokerOptionsReader.Read(new ConfigurationBuilder().Build());

        options.FetchPartitionMaxBytes.ShouldBe(256 * 1024);
        options.FetchMaxBytes.ShouldBe(4 * 1024 * 1024);
    }
}
