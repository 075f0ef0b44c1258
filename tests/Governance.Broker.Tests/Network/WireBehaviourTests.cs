using Governance.Broker.Tests.Support;
using Governance.Kafka.Protocol;
using Governance.Kafka.Protocol.Messages;
using Governance.Kafka.Protocol.Records;
using Shouldly;
using Xunit;

namespace Governance.Broker.Tests.Network;

/// <summary>How the broker answers on the wire: version negotiation, pipelining, acks=0, refused old versions.</summary>
public sealed class WireBehaviourTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(0)]
    [InlineData(3)]
    [InlineData(4)]
    public async Task ApiVersions_lists_every_api_and_records_the_client_software(short version)
    {
        await using var broker = TestBroker.Start();
        using var client = await RawKafkaClient.ConnectAsync(broker.Server.LocalEndPoint, Token);

        var response = await client.SendAsync<ApiVersionsResponse>(
            ApiKey.ApiVersions, version, new ApiVersionsRequest { ClientSoftwareName = "raw-client", ClientSoftwareVersion = "9.9" }, Token);

        response.ErrorCode.ShouldBe(ErrorCode.None);
        response.ApiKeys.Select(k => (ApiKey)k.ApiKey).ShouldBe(ApiCatalog.All.Select(a => a.Key), ignoreOrder: true);
        var connection = broker.Activity.Connections.ShouldHaveSingleItem();
        connection.ClientId.ShouldBe("raw-test");
        connection.SoftwareName.ShouldBe(version >= 3 ? "raw-client" : null);
    }

    [Fact]
    public async Task An_unknown_ApiVersions_version_is_answered_in_v0_with_UNSUPPORTED_VERSION_and_the_ranges()
    {
        await using var broker = TestBroker.Start();
        using var client = await RawKafkaClient.ConnectAsync(broker.Server.LocalEndPoint, Token);
        // Version 9 does not exist: the body is unknown, so only the header is written (KIP-511 clients do this).
        var frame = new byte[] { 0, 0, 0, 12, 0, 18, 0, 9, 0, 0, 0, 5, 0, 2, 0x61, 0x62 };

        await client.SendRawAsync(frame, Token);
        var response = await client.ReceiveAsync<ApiVersionsResponse>(ApiKey.ApiVersions, 0, correlationId: 5, Token);

        response.ErrorCode.ShouldBe(ErrorCode.UnsupportedVersion);
        response.ApiKeys.ShouldContain(k => k.ApiKey == (short)ApiKey.ApiVersions && k.MaxVersion == 4);
    }

    [Fact]
    public async Task Pipelined_requests_are_answered_in_request_order()
    {
        await using var broker = TestBroker.Start();
        using var client = await RawKafkaClient.ConnectAsync(broker.Server.LocalEndPoint, Token);
        var frames = new List<(byte[] Frame, int CorrelationId, ApiKey Key, short Version)>();
        for (var i = 0; i < 20; i++)
        {
            var (key, version, request) = (i % 2) == 0
                ? (ApiKey.ApiVersions, (short)3, (Governance.Kafka.Protocol.Wire.IProtocolStruct)new ApiVersionsRequest { ClientSoftwareName = "p", ClientSoftwareVersion = "1" })
                : (ApiKey.Metadata, (short)12, new MetadataRequest { Topics = null });
            frames.Add((client.Encode(key, version, request, out var correlationId), correlationId, key, version));
        }

        await client.SendRawAsync(frames.SelectMany(f => f.Frame).ToArray(), Token);

        foreach (var (_, correlationId, key, version) in frames)
        {
            if (key == ApiKey.ApiVersions)
            {
                (await client.ReceiveAsync<ApiVersionsResponse>(key, version, correlationId, Token)).ErrorCode.ShouldBe(ErrorCode.None);
            }
            else
            {
                (await client.ReceiveAsync<MetadataResponse>(key, version, correlationId, Token)).Brokers.ShouldHaveSingleItem();
            }
        }
    }

    [Fact]
    public async Task Produce_before_v3_is_refused_with_UNSUPPORTED_VERSION()
    {
        await using var broker = TestBroker.Start();
        broker.Server.Topics.CreateTopic("old", 1).IsSuccess.ShouldBeTrue();
        using var client = await RawKafkaClient.ConnectAsync(broker.Server.LocalEndPoint, Token);

        var response = await client.SendAsync<ProduceResponse>(ApiKey.Produce, 2, Produce("old", Batch("v"), acks: 1), Token);

        response.Responses.ShouldHaveSingleItem().Partitions.ShouldHaveSingleItem().ErrorCode.ShouldBe(ErrorCode.UnsupportedVersion);
        broker.Server.Topics.GetPartition("old", 0)!.Log.LogEndOffset.ShouldBe(0);
    }

    [Fact]
    public async Task Fetch_before_v4_is_refused_with_UNSUPPORTED_VERSION()
    {
        await using var broker = TestBroker.Start();
        broker.Server.Topics.CreateTopic("old", 1).IsSuccess.ShouldBeTrue();
        using var client = await RawKafkaClient.ConnectAsync(broker.Server.LocalEndPoint, Token);
        var fetch = new FetchRequest { Topics = [new() { Name = "old", Partitions = [new() { PartitionMaxBytes = 1024 }] }] };

        var response = await client.SendAsync<FetchResponse>(ApiKey.Fetch, 3, fetch, Token);

        response.Responses.ShouldHaveSingleItem().Partitions.ShouldHaveSingleItem().ErrorCode.ShouldBe(ErrorCode.UnsupportedVersion);
    }

    [Fact]
    public async Task Acks_zero_gets_no_answer_but_the_records_are_written()
    {
        await using var broker = TestBroker.Start();
        broker.Server.Topics.CreateTopic("fire-and-forget", 1).IsSuccess.ShouldBeTrue();
        using var client = await RawKafkaClient.ConnectAsync(broker.Server.LocalEndPoint, Token);

        await client.SendRawAsync(client.Encode(ApiKey.Produce, 9, Produce("fire-and-forget", Batch("a", "b"), acks: 0), out _), Token);
        var next = await client.SendAsync<ApiVersionsResponse>(ApiKey.ApiVersions, 3, new ApiVersionsRequest { ClientSoftwareName = "x", ClientSoftwareVersion = "1" }, Token);

        next.ErrorCode.ShouldBe(ErrorCode.None);
        broker.Server.Topics.GetPartition("fire-and-forget", 0)!.Log.LogEndOffset.ShouldBe(2);
    }

    [Fact]
    public async Task A_failed_acks_zero_produce_closes_the_connection()
    {
        await using var broker = TestBroker.Start(o => o with { AutoCreateTopics = false });
        using var client = await RawKafkaClient.ConnectAsync(broker.Server.LocalEndPoint, Token);

        await client.SendRawAsync(client.Encode(ApiKey.Produce, 9, Produce("missing", Batch("a"), acks: 0), out _), Token);

        (await client.ReceiveFrameAsync(Token)).ShouldBeNull();
    }

    [Fact]
    public async Task A_corrupted_batch_is_refused_with_CORRUPT_MESSAGE()
    {
        await using var broker = TestBroker.Start();
        broker.Server.Topics.CreateTopic("crc", 1).IsSuccess.ShouldBeTrue();
        using var client = await RawKafkaClient.ConnectAsync(broker.Server.LocalEndPoint, Token);
        var batch = Batch("payload");
        batch[^1] ^= 0xFF;

        var response = await client.SendAsync<ProduceResponse>(ApiKey.Produce, 9, Produce("crc", batch, acks: -1), Token);

        response.Responses[0].Partitions[0].ErrorCode.ShouldBe(ErrorCode.CorruptMessage);
        broker.Server.Topics.GetPartition("crc", 0)!.Log.LogEndOffset.ShouldBe(0);
    }

    [Fact]
    public async Task An_idempotent_retry_is_acknowledged_once_and_a_sequence_gap_is_refused()
    {
        await using var broker = TestBroker.Start();
        broker.Server.Topics.CreateTopic("idempotent", 1).IsSuccess.ShouldBeTrue();
        using var client = await RawKafkaClient.ConnectAsync(broker.Server.LocalEndPoint, Token);
        var producer = await client.SendAsync<InitProducerIdResponse>(ApiKey.InitProducerId, 4, new InitProducerIdRequest(), Token);
        producer.ErrorCode.ShouldBe(ErrorCode.None);

        ProduceRequest Send(int sequence, params string[] values) => Produce(
            "idempotent", new RecordBatchBuilder(0).AddAll(values).Build(producer.ProducerId, producer.ProducerEpoch, sequence), acks: -1);
        var first = await client.SendAsync<ProduceResponse>(ApiKey.Produce, 9, Send(0, "a", "b"), Token);
        var retry = await client.SendAsync<ProduceResponse>(ApiKey.Produce, 9, Send(0, "a", "b"), Token);
        var gap = await client.SendAsync<ProduceResponse>(ApiKey.Produce, 9, Send(5, "c"), Token);
        var producers = await client.SendAsync<DescribeProducersResponse>(
            ApiKey.DescribeProducers, 0, new DescribeProducersRequest { Topics = [new() { Name = "idempotent", PartitionIndexes = [0] }] }, Token);

        first.Responses[0].Partitions[0].ErrorCode.ShouldBe(ErrorCode.None);
        retry.Responses[0].Partitions[0].ErrorCode.ShouldBe(ErrorCode.None);
        retry.Responses[0].Partitions[0].BaseOffset.ShouldBe(first.Responses[0].Partitions[0].BaseOffset);
        gap.Responses[0].Partitions[0].ErrorCode.ShouldBe(ErrorCode.OutOfOrderSequenceNumber);
        broker.Server.Topics.GetPartition("idempotent", 0)!.Log.LogEndOffset.ShouldBe(2);
        var active = producers.Topics[0].Partitions[0].ActiveProducers.ShouldHaveSingleItem();
        (active.ProducerId, active.LastSequence).ShouldBe((producer.ProducerId, 1));
    }

    internal static ProduceRequest Produce(string topic, byte[] batch, short acks) => new()
    {
        Acks = acks,
        TimeoutMs = 5000,
        Topics = [new() { Name = topic, Partitions = [new() { Index = 0, Records = batch }] }],
    };

    internal static byte[] Batch(params string[] values) => new RecordBatchBuilder(0).AddAll(values).Build();
}

internal static class RecordBatchBuilderExtensions
{
    public static RecordBatchBuilder AddAll(this RecordBatchBuilder builder, IEnumerable<string> values)
    {
        foreach (var value in values)
        {
            builder.Add(null, System.Text.Encoding.UTF8.GetBytes(value));
        }
        return builder;
    }
}
