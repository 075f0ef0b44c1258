using System.Buffers.Binary;
using Governance.Broker.Tests.Support;
using Governance.Kafka.Protocol;
using Governance.Kafka.Protocol.Messages;
using Shouldly;
using Xunit;

namespace Governance.Broker.Tests.Network;

/// <summary>
/// Hostile and broken frames close the connection that sent them (or get an error answer); the broker and every other
/// connection go on serving.
/// </summary>
public sealed class MalformedFrameTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    public static TheoryData<string, byte[]> BrokenFrames() => new()
    {
        { "negative size", [0xFF, 0xFF, 0xFF, 0xF0, 1, 2, 3] },
        { "size below a header", [0, 0, 0, 2, 0, 18] },
        { "oversized", [0x7F, 0xFF, 0xFF, 0xFF, 0, 18, 0, 3] },
        { "unknown api key", [0, 0, 0, 10, 0x7F, 0x00, 0, 0, 0, 0, 0, 1, 0, 0] },
        { "unsupported metadata version", [0, 0, 0, 10, 0, 3, 0, 99, 0, 0, 0, 1, 0, 0] },
        { "client id longer than the frame", [0, 0, 0, 10, 0, 18, 0, 0, 0, 0, 0, 1, 0x7F, 0x00] },
        { "array count larger than the frame", [0, 0, 0, 14, 0, 3, 0, 1, 0, 0, 0, 1, 0, 0, 0x7F, 0xFF, 0xFF, 0xFF] },
        { "trailing garbage after the body", [0, 0, 0, 12, 0, 18, 0, 0, 0, 0, 0, 1, 0, 0, 0xDE, 0xAD] },
    };

    [Theory]
    [MemberData(nameof(BrokenFrames))]
    public async Task A_broken_frame_closes_only_its_connection(string description, byte[] frame)
    {
        await using var broker = TestBroker.Start(o => o with { MaxFrameBytes = 1024 * 1024 });
        using var bystander = await RawKafkaClient.ConnectAsync(broker.Server.LocalEndPoint, Token);
        using var attacker = await RawKafkaClient.ConnectAsync(broker.Server.LocalEndPoint, Token);

        await attacker.SendRawAsync(frame, Token);

        (await attacker.ReceiveFrameAsync(Token)).ShouldBeNull(description);
        await ShouldStillServe(bystander);
    }

    [Fact]
    public async Task A_frame_cut_short_by_a_closed_socket_leaves_the_broker_serving()
    {
        await using var broker = TestBroker.Start();
        using (var attacker = await RawKafkaClient.ConnectAsync(broker.Server.LocalEndPoint, Token))
        {
            await attacker.SendRawAsync(new byte[] { 0, 0, 0, 100, 0, 18, 0, 3 }, Token);
        }
        using var client = await RawKafkaClient.ConnectAsync(broker.Server.LocalEndPoint, Token);

        await ShouldStillServe(client);
    }

    /// <summary>Valid requests with random bytes flipped, and random bodies behind valid headers, from many connections.</summary>
    [Fact]
    public async Task Fuzzed_frames_never_stop_the_broker()
    {
        await using var broker = TestBroker.Start(o => o with { MaxFrameBytes = 64 * 1024 });
        broker.Server.Topics.CreateTopic("fuzz", 2).IsSuccess.ShouldBeTrue();
        using var bystander = await RawKafkaClient.ConnectAsync(broker.Server.LocalEndPoint, Token);
        var random = new Random(20261121);
        var templates = await ValidFramesAsync(broker);

        for (var round = 0; round < 300; round++)
        {
            using var attacker = await RawKafkaClient.ConnectAsync(broker.Server.LocalEndPoint, Token);
            var frame = round % 2 == 0 ? Mutate(templates[random.Next(templates.Count)], random) : RandomBody(random);
            await attacker.SendRawAsync(frame, Token);
            // Either an answer or a closed connection; reading the first frame back is enough to know it was handled.
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Token);
            timeout.CancelAfter(TimeSpan.FromSeconds(2));
            try
            {
                await attacker.ReceiveFrameAsync(timeout.Token);
            }
            catch (OperationCanceledException) when (!Token.IsCancellationRequested)
            {
                // A mutated wait time or group join may keep the request pending: the broker is still fine.
            }
        }

        await ShouldStillServe(bystander);
    }

    private static async Task<List<byte[]>> ValidFramesAsync(TestBroker broker)
    {
        using var client = await RawKafkaClient.ConnectAsync(broker.Server.LocalEndPoint, Token);
        return
        [
            client.Encode(ApiKey.ApiVersions, 3, new ApiVersionsRequest { ClientSoftwareName = "fuzz", ClientSoftwareVersion = "1" }, out _),
            client.Encode(ApiKey.Metadata, 12, new MetadataRequest { Topics = [new() { Name = "fuzz" }] }, out _),
            client.Encode(ApiKey.Metadata, 1, new MetadataRequest { Topics = [new() { Name = "fuzz" }] }, out _),
            client.Encode(ApiKey.Produce, 9, WireBehaviourTests.Produce("fuzz", WireBehaviourTests.Batch("a", "b", "c"), acks: 1), out _),
            client.Encode(ApiKey.Produce, 7, WireBehaviourTests.Produce("fuzz", WireBehaviourTests.Batch("d"), acks: -1), out _),
            client.Encode(ApiKey.Fetch, 12, new FetchRequest { MaxWaitMs = 10, Topics = [new() { Name = "fuzz", Partitions = [new() { PartitionMaxBytes = 4096 }] }] }, out _),
            client.Encode(ApiKey.ListOffsets, 7, new ListOffsetsRequest { Topics = [new() { Name = "fuzz", Partitions = [new() { Timestamp = -1 }] }] }, out _),
            client.Encode(ApiKey.JoinGroup, 7, new JoinGroupRequest { GroupId = "g", SessionTimeoutMs = 10_000, RebalanceTimeoutMs = 100, ProtocolType = "consumer", Protocols = [new() { Name = "range", Metadata = [0, 1] }] }, out _),
            client.Encode(ApiKey.CreateTopics, 5, new CreateTopicsRequest { Topics = [new() { Name = "fuzz-created", NumPartitions = 1 }] }, out _),
            client.Encode(ApiKey.DescribeConfigs, 4, new DescribeConfigsRequest { Resources = [new() { ResourceType = 2, ResourceName = "fuzz" }] }, out _),
        ];
    }

    private static byte[] Mutate(byte[] template, Random random)
    {
        var frame = (byte[])template.Clone();
        var flips = random.Next(1, 6);
        for (var i = 0; i < flips; i++)
        {
            // The size prefix stays (bad sizes have their own test) so that the mutation reaches the decoder.
            var position = random.Next(4, frame.Length);
            frame[position] = (byte)random.Next(256);
        }
        return frame;
    }

    private static byte[] RandomBody(Random random)
    {
        var body = new byte[random.Next(10, 400)];
        random.NextBytes(body);
        // A real api key and version so that the body decoder, not the header check, meets the garbage.
        var api = ApiCatalog.All[random.Next(ApiCatalog.All.Count)];
        BinaryPrimitives.WriteInt16BigEndian(body, (short)api.Key);
        BinaryPrimitives.WriteInt16BigEndian(body.AsSpan(2), (short)random.Next(api.MinVersion, api.MaxVersion + 1));
        BinaryPrimitives.WriteInt16BigEndian(body.AsSpan(8), 0);
        var frame = new byte[body.Length + 4];
        BinaryPrimitives.WriteInt32BigEndian(frame, body.Length);
        body.CopyTo(frame, 4);
        return frame;
    }

    private static async Task ShouldStillServe(RawKafkaClient client)
    {
        var response = await client.SendAsync<MetadataResponse>(ApiKey.Metadata, 9, new MetadataRequest { Topics = null }, Token);
        response.Brokers.ShouldHaveSingleItem();
    }
}
