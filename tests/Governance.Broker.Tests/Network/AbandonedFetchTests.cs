using Governance.Broker.Tests.Log;
using Governance.Broker.Tests.Support;
using Governance.Kafka.Protocol;
using Shouldly;
using Xunit;

namespace Governance.Broker.Tests.Network;

/// <summary>
/// Fetch answers are sent from the segment files, which stay open while an answer is in flight. A client that goes
/// away in the middle of a large answer must not leave them open: once retention deletes the segment, no descriptor
/// of this process may still point at it.
/// </summary>
public sealed class AbandonedFetchTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_client_that_disconnects_in_the_middle_of_a_large_answer_leaves_no_deleted_segment_open()
    {
        await using var broker = TestBroker.Start(o => o with { FetchMaxBytes = 64 << 20, FetchPartitionMaxBytes = 64 << 20 });
        broker.Server.Topics.CreateTopic("abandoned", 1, new Dictionary<string, string?> { ["segment.bytes"] = (24 << 20).ToString() }).IsSuccess.ShouldBeTrue();
        var partition = broker.Server.Topics.GetPartition("abandoned", 0)!;
        for (var i = 0; i < 32; i++)
        {
            await partition.AppendAsync(Batches.Of(100, valueSize: 10_000), Token);
        }
        partition.Log.SegmentCount.ShouldBeGreaterThan(1);
        var firstSegment = Directory.GetFiles(partition.Log.Directory, "*.log").Order().First();

        using (var client = await RawKafkaClient.ConnectAsync(broker.Server.LocalEndPoint, Token))
        {
            // About 24 MB from the first segment: far more than the sockets buffer, so the answer is still being sent.
            await client.SendRawAsync(client.Encode(ApiKey.Fetch, 11, FetchRequests.FromStart("abandoned", 1, partitionMaxBytes: 64 << 20), out _), Token);
            await Task.Delay(200, Token);
        }
        partition.Log.Reconfigure(partition.Log.Config with { RetentionBytes = 1 });
        partition.Log.EnforceRetention().ShouldBeGreaterThan(0);
        File.Exists(firstSegment).ShouldBeFalse();

        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (OpenDescriptorsOf(firstSegment) > 0 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50, Token);
        }
        OpenDescriptorsOf(firstSegment).ShouldBe(0, "the abandoned answer released its hold on the deleted segment");
    }

    private static int OpenDescriptorsOf(string path) =>
        Directory.GetFiles("/proc/self/fd").Count(descriptor =>
        {
            try
            {
                return new FileInfo(descriptor).LinkTarget is { } target && target.StartsWith(path, StringComparison.Ordinal);
            }
            catch (IOException)
            {
                return false; // closed while looking
            }
        });
}
