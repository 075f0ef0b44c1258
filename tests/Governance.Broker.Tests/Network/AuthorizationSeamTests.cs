using Governance.Broker.Tests.Support;
using Governance.Broker.Validation;
using Governance.Kafka.Protocol;
using Governance.Kafka.Protocol.Messages;
using Shouldly;
using Xunit;

namespace Governance.Broker.Tests.Network;

/// <summary>The authorizer seam: produce needs Write and fetch needs Read on the topic, asked for the connection's principal.</summary>
public sealed class AuthorizationSeamTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_denied_topic_answers_TOPIC_AUTHORIZATION_FAILED_and_others_work()
    {
        var authorizer = new OnlyPublicTopics();
        await using var broker = TestBroker.Start(authorizer: authorizer);
        broker.Server.Topics.CreateTopic("secret", 1).IsSuccess.ShouldBeTrue();
        broker.Server.Topics.CreateTopic("public", 1).IsSuccess.ShouldBeTrue();
        using var client = await RawKafkaClient.ConnectAsync(broker.Server.LocalEndPoint, Token);

        var secretProduce = await client.SendAsync<ProduceResponse>(ApiKey.Produce, 9, WireBehaviourTests.Produce("secret", WireBehaviourTests.Batch("x"), acks: 1), Token);
        var publicProduce = await client.SendAsync<ProduceResponse>(ApiKey.Produce, 9, WireBehaviourTests.Produce("public", WireBehaviourTests.Batch("x"), acks: 1), Token);
        var fetch = await client.SendAsync<FetchResponse>(ApiKey.Fetch, 12, new FetchRequest
        {
            Topics = [new() { Name = "secret", Partitions = [new() { PartitionMaxBytes = 1024 }] }, new() { Name = "public", Partitions = [new() { PartitionMaxBytes = 1024 }] }],
        }, Token);

        secretProduce.Responses[0].Partitions[0].ErrorCode.ShouldBe(ErrorCode.TopicAuthorizationFailed);
        publicProduce.Responses[0].Partitions[0].ErrorCode.ShouldBe(ErrorCode.None);
        fetch.Responses.Single(t => t.Name == "secret").Partitions[0].ErrorCode.ShouldBe(ErrorCode.TopicAuthorizationFailed);
        fetch.Responses.Single(t => t.Name == "public").Partitions[0].Records.ShouldNotBeNull().Length.ShouldBeGreaterThan(0);
        broker.Server.Topics.GetPartition("secret", 0)!.Log.LogEndOffset.ShouldBe(0);
        authorizer.Asked.ShouldContain(("User:ANONYMOUS", "Write", "Topic", "secret"));
        authorizer.Asked.ShouldContain(("User:ANONYMOUS", "Read", "Topic", "public"));
    }

    private sealed class OnlyPublicTopics : IBrokerAuthorizer
    {
        public System.Collections.Concurrent.ConcurrentQueue<(string, string, string, string)> Asked { get; } = new();

        public ValueTask<bool> IsAllowedAsync(string principal, string operation, string resourceType, string resourceName, CancellationToken cancellationToken)
        {
            Asked.Enqueue((principal, operation, resourceType, resourceName));
            return ValueTask.FromResult(resourceName != "secret");
        }
    }
}
