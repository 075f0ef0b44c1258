using Governance.Broker.Tests.Support;
using Shouldly;
using Xunit;

namespace Governance.Broker.Tests.Clients;

/// <summary>Debian's kcat, on librdkafka 2.0.2 with its exact-version feature checks (shared notes, "Trap for older librdkafka").</summary>
public sealed class KcatTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Kcat_produces_lists_and_consumes_keyed_records()
    {
        await using var broker = TestBroker.Start();
        var lines = Enumerable.Range(0, 500).Select(i => $"key-{i % 7}:value-{i}").ToList();

        var produce = await Kcat.RunAsync(
            ["-b", broker.BootstrapServers, "-P", "-t", "kcat-topic", "-K", ":", "-X", "acks=all", "-z", "gzip"], string.Join('\n', lines) + "\n", Token);
        var list = await Kcat.RunAsync(["-b", broker.BootstrapServers, "-L", "-t", "kcat-topic"], null, Token);
        var consume = await Kcat.RunAsync(
            ["-b", broker.BootstrapServers, "-C", "-t", "kcat-topic", "-o", "beginning", "-e", "-f", "%k:%s\n"], null, Token);

        produce.ExitCode.ShouldBe(0, produce.Errors);
        list.Output.ShouldContain("topic \"kcat-topic\" with 1 partitions");
        list.Output.ShouldContain("leader 0");
        consume.ExitCode.ShouldBe(0, consume.Errors);
        consume.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).ShouldBe(lines);
    }

    [Fact]
    public async Task Kcat_sees_the_leader_and_the_advertised_address()
    {
        await using var broker = TestBroker.Start(o => o with { AdvertisedHost = "127.0.0.1" });

        var list = await Kcat.RunAsync(["-b", broker.BootstrapServers, "-L"], null, Token);

        list.ExitCode.ShouldBe(0, list.Errors);
        list.Output.ShouldContain($"broker 0 at {broker.BootstrapServers}");
    }
}
