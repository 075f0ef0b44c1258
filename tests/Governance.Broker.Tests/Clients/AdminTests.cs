using Confluent.Kafka;
using Confluent.Kafka.Admin;
using Governance.Broker.Tests.Support;
using Shouldly;
using Xunit;

namespace Governance.Broker.Tests.Clients;

/// <summary>Topic and config administration through Confluent.Kafka's AdminClient.</summary>
public sealed class AdminTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Topics_are_created_grown_described_reconfigured_and_deleted()
    {
        await using var broker = TestBroker.Start();
        using var admin = new AdminClientBuilder(new AdminClientConfig { BootstrapServers = broker.BootstrapServers }).Build();
        var resource = new ConfigResource { Type = ResourceType.Topic, Name = "inventory" };

        await admin.CreateTopicsAsync([new TopicSpecification { Name = "inventory", NumPartitions = 2, ReplicationFactor = 1, Configs = new() { ["retention.ms"] = "60000" } }]);
        var duplicate = await Should.ThrowAsync<CreateTopicsException>(() =>
            admin.CreateTopicsAsync([new TopicSpecification { Name = "inventory", NumPartitions = 1, ReplicationFactor = 1 }]));
        var replicated = await Should.ThrowAsync<CreateTopicsException>(() =>
            admin.CreateTopicsAsync([new TopicSpecification { Name = "replicated", NumPartitions = 1, ReplicationFactor = 3 }]));
        await admin.CreatePartitionsAsync([new PartitionsSpecification { Topic = "inventory", IncreaseTo = 5 }]);
        var described = (await admin.DescribeConfigsAsync([resource])).Single();
        // The legacy AlterConfigs (which kcat on librdkafka 2.0.2 still sends) replaces every override.
#pragma warning disable CS0618
        await admin.AlterConfigsAsync(new Dictionary<ConfigResource, List<ConfigEntry>>
        {
            [resource] = [new ConfigEntry { Name = "retention.ms", Value = "120000" }],
        });
#pragma warning restore CS0618
        var altered = (await admin.DescribeConfigsAsync([resource])).Single();
        var metadata = admin.GetMetadata("inventory", TimeSpan.FromSeconds(10));
        await admin.DeleteTopicsAsync(["inventory"]);

        duplicate.Results.Single().Error.Code.ShouldBe(ErrorCode.TopicAlreadyExists);
        replicated.Results.Single().Error.Code.ShouldBe(ErrorCode.InvalidReplicationFactor);
        described.Entries["retention.ms"].Value.ShouldBe("60000");
        described.Entries["retention.ms"].IsDefault.ShouldBeFalse();
        described.Entries["cleanup.policy"].IsDefault.ShouldBeTrue();
        altered.Entries["retention.ms"].Value.ShouldBe("120000");
        metadata.Topics.Single().Partitions.Count.ShouldBe(5);
        broker.Server.Topics.GetTopic("inventory").ShouldBeNull();
    }

    [Fact]
    public async Task IncrementalAlterConfigs_sets_and_deletes_single_configs()
    {
        await using var broker = TestBroker.Start();
        broker.Server.Topics.CreateTopic("tuned", 1).IsSuccess.ShouldBeTrue();
        using var client = await RawKafkaClient.ConnectAsync(broker.Server.LocalEndPoint, Token);
        Governance.Kafka.Protocol.Messages.IncrementalAlterConfigsRequest Alter(string topic, sbyte operation, string? value) => new()
        {
            Resources = [new() { ResourceType = 2, ResourceName = topic, Configs = [new() { Name = "retention.ms", ConfigOperation = operation, Value = value }] }],
        };

        var set = await client.SendAsync<Governance.Kafka.Protocol.Messages.AlterConfigsResponse>(
            Governance.Kafka.Protocol.ApiKey.IncrementalAlterConfigs, 1, Alter("tuned", 0, "5000"), Token);
        var afterSet = broker.Server.Topics.GetTopic("tuned")!.ConfigOverrides.GetValueOrDefault("retention.ms");
        var deleted = await client.SendAsync<Governance.Kafka.Protocol.Messages.AlterConfigsResponse>(
            Governance.Kafka.Protocol.ApiKey.IncrementalAlterConfigs, 0, Alter("tuned", 1, null), Token);
        var missing = await client.SendAsync<Governance.Kafka.Protocol.Messages.AlterConfigsResponse>(
            Governance.Kafka.Protocol.ApiKey.IncrementalAlterConfigs, 1, Alter("absent", 0, "1"), Token);

        set.Responses.Single().ErrorCode.ShouldBe(Governance.Kafka.Protocol.ErrorCode.None);
        afterSet.ShouldBe("5000");
        deleted.Responses.Single().ErrorCode.ShouldBe(Governance.Kafka.Protocol.ErrorCode.None);
        broker.Server.Topics.GetTopic("tuned")!.ConfigOverrides.ContainsKey("retention.ms").ShouldBeFalse();
        missing.Responses.Single().ErrorCode.ShouldBe(Governance.Kafka.Protocol.ErrorCode.UnknownTopicOrPartition);
    }

    [Fact]
    public async Task Groups_are_listed_and_described_with_their_members()
    {
        await using var broker = TestBroker.Start();
        await KafkaClients.CreateTopicAsync(broker.BootstrapServers, "watched", 2);
        using (var producer = KafkaClients.Producer(broker.BootstrapServers))
        {
            await producer.ProduceAsync("watched", new Message<string, string> { Key = "k", Value = "v" }, Token);
        }
        using var consumer = KafkaClients.Consumer(broker.BootstrapServers, "watchers", clientId: "watcher-1");
        consumer.Subscribe("watched");
        KafkaClients.ConsumeExactly(consumer, 1);
        using var admin = new AdminClientBuilder(new AdminClientConfig { BootstrapServers = broker.BootstrapServers }).Build();

        var groups = admin.ListGroups(TimeSpan.FromSeconds(10));

        var group = groups.ShouldHaveSingleItem();
        group.Group.ShouldBe("watchers");
        group.State.ShouldBe("Stable");
        group.Members.ShouldHaveSingleItem().ClientId.ShouldBe("watcher-1");
        consumer.Close();
    }
}
