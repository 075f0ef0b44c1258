using Governance.Broker.Tests.Log;
using Governance.Broker.Topics;
using Governance.Kafka.Protocol;
using Shouldly;
using Xunit;

namespace Governance.Broker.Tests.Topics;

public sealed class TopicManagerTests : IDisposable
{
    private readonly TemporaryDirectory _directory = new();

    [Theory]
    [InlineData("")]
    [InlineData(".")]
    [InlineData("..")]
    [InlineData("orders/v1")]
    [InlineData("orders v1")]
    [InlineData("commandes-é")]
    public void Illegal_topic_names_are_refused_with_the_reason(string name)
    {
        using var topics = NewManager();

        var result = topics.CreateTopic(name, 1);

        result.ErrorCode.ShouldBe(ErrorCode.InvalidTopicException);
        result.ErrorMessage.ShouldNotBeNullOrWhiteSpace();
        topics.ListTopics().ShouldBeEmpty();
    }

    [Fact]
    public void Names_longer_than_249_characters_are_refused_and_249_is_accepted()
    {
        using var topics = NewManager();

        topics.CreateTopic(new string('a', 250), 1).ErrorMessage.ShouldBe("Topic name is 250 characters long, longer than the maximum of 249.");
        topics.CreateTopic(new string('a', 249), 1).IsSuccess.ShouldBeTrue();
        topics.CreateTopic("orders.v1_eu-2", 1).IsSuccess.ShouldBeTrue();
    }

    [Fact]
    public void A_topic_is_created_once_with_its_partitions()
    {
        using var topics = NewManager();

        topics.CreateTopic("orders", 3).IsSuccess.ShouldBeTrue();
        var again = topics.CreateTopic("orders", 3);

        again.ErrorCode.ShouldBe(ErrorCode.TopicAlreadyExists);
        topics.GetTopic("orders")!.Partitions.Select(p => p.Id).ShouldBe([0, 1, 2]);
        Directory.Exists(_directory.Combine("orders-2")).ShouldBeTrue();
        topics.GetPartition("orders", 3).ShouldBeNull();
        topics.GetPartition("orders", -1).ShouldBeNull();
    }

    [Fact]
    public void Partition_counts_are_checked_and_minus_one_means_the_default()
    {
        using var topics = NewManager(defaultPartitions: 4);

        topics.CreateTopic("zero", 0).ErrorCode.ShouldBe(ErrorCode.InvalidPartitions);
        topics.CreateTopic("huge", TopicManager.MaxPartitionCount + 1).ErrorCode.ShouldBe(ErrorCode.InvalidPartitions);
        topics.CreateTopic("defaulted", -1).IsSuccess.ShouldBeTrue();
        topics.GetTopic("defaulted")!.Partitions.Count.ShouldBe(4);
    }

    [Fact]
    public void Validate_only_creates_nothing()
    {
        using var topics = NewManager();

        topics.CreateTopic("orders", 1, validateOnly: true).IsSuccess.ShouldBeTrue();

        topics.GetTopic("orders").ShouldBeNull();
    }

    [Fact]
    public void Unknown_configs_and_bad_values_are_invalid_config_naming_them()
    {
        using var topics = NewManager();

        topics.CreateTopic("a", 1, Configs(("retention.minutes", "5"))).ErrorMessage.ShouldBe("Unknown topic config name: retention.minutes");
        var badNumber = topics.CreateTopic("b", 1, Configs(("retention.ms", "soon")));
        badNumber.ErrorCode.ShouldBe(ErrorCode.InvalidConfig);
        badNumber.ErrorMessage.ShouldBe("Invalid value 'soon' for config 'retention.ms': expected a 64-bit integer.");
        topics.CreateTopic("c", 1, Configs(("cleanup.policy", "shred"))).ErrorMessage!.ShouldContain("expected delete, compact");
        topics.CreateTopic("d", 1, Configs(("confluent.value.schema.validation", "yes"))).ErrorMessage!.ShouldContain("expected true or false");
        topics.ListTopics().ShouldBeEmpty();
    }

    [Fact]
    public void Configs_and_topic_ids_survive_a_restart()
    {
        Guid topicId;
        using (var topics = NewManager())
        {
            topics.CreateTopic("orders", 2, Configs(("retention.ms", "3600000"), ("confluent.value.schema.validation", "true"))).IsSuccess.ShouldBeTrue();
            topics.IncrementalAlterConfigs("orders", [new ConfigAlteration("segment.bytes", ConfigOperation.Set, "1048576")]).IsSuccess.ShouldBeTrue();
            topicId = topics.GetTopic("orders")!.TopicId;
        }

        File.Exists(_directory.Combine(Path.Combine("topics", "orders.json"))).ShouldBeTrue();
        using var reopened = NewManager();
        var description = reopened.DescribeTopic("orders")!;
        description.TopicId.ShouldBe(topicId);
        description.PartitionCount.ShouldBe(2);
        var configs = description.Configs.ToDictionary(c => c.Name);
        configs["retention.ms"].ShouldBe(new ConfigEntry("retention.ms", "3600000", IsDefault: false, IsReadOnly: false));
        configs["segment.bytes"].Value.ShouldBe("1048576");
        configs["confluent.value.schema.validation"].Value.ShouldBe("true");
        configs["cleanup.policy"].ShouldBe(new ConfigEntry("cleanup.policy", "delete", IsDefault: true, IsReadOnly: false));
        configs["max.message.bytes"].Value.ShouldBe("1048588");
        configs["retention.bytes"].Value.ShouldBe("-1");
        reopened.GetTopic("orders")!.LogConfig.RetentionMs.ShouldBe(3_600_000);
        reopened.GetTopic("orders")!.LogConfig.SegmentBytes.ShouldBe(1_048_576);
        reopened.GetTopic("orders")!.SchemaValidation.ValidateValues.ShouldBeTrue();
    }

    [Fact]
    public void Incremental_alter_appends_subtracts_and_deletes()
    {
        using var topics = NewManager();
        topics.CreateTopic("orders", 1, Configs(("retention.ms", "1000")));

        topics.IncrementalAlterConfigs("orders", [new ConfigAlteration("cleanup.policy", ConfigOperation.Append, "compact")]).IsSuccess.ShouldBeTrue();
        topics.GetTopic("orders")!.ConfigOverrides["cleanup.policy"].ShouldBe("compact");
        topics.IncrementalAlterConfigs("orders", [new ConfigAlteration("cleanup.policy", ConfigOperation.Append, "delete")]).IsSuccess.ShouldBeTrue();
        topics.GetTopic("orders")!.ConfigOverrides["cleanup.policy"].ShouldBe("compact,delete");
        topics.IncrementalAlterConfigs("orders", [new ConfigAlteration("cleanup.policy", ConfigOperation.Subtract, "compact")]).IsSuccess.ShouldBeTrue();
        topics.GetTopic("orders")!.ConfigOverrides["cleanup.policy"].ShouldBe("delete");
        topics.IncrementalAlterConfigs("orders", [new ConfigAlteration("retention.ms", ConfigOperation.Delete, null)]).IsSuccess.ShouldBeTrue();
        topics.GetTopic("orders")!.ConfigOverrides.ContainsKey("retention.ms").ShouldBeFalse();

        var notAList = topics.IncrementalAlterConfigs("orders", [new ConfigAlteration("retention.ms", ConfigOperation.Append, "5")]);
        notAList.ErrorCode.ShouldBe(ErrorCode.InvalidConfig);
        notAList.ErrorMessage!.ShouldContain("not a list");
        topics.IncrementalAlterConfigs("missing", []).ErrorCode.ShouldBe(ErrorCode.UnknownTopicOrPartition);
    }

    [Fact]
    public void Alter_configs_replaces_every_override_and_validate_only_changes_nothing()
    {
        using var topics = NewManager();
        topics.CreateTopic("orders", 1, Configs(("retention.ms", "1000")));

        topics.AlterConfigs("orders", Configs(("retention.bytes", "5000")), validateOnly: true).IsSuccess.ShouldBeTrue();
        topics.GetTopic("orders")!.ConfigOverrides.Keys.ShouldBe(["retention.ms"]);

        topics.AlterConfigs("orders", Configs(("retention.bytes", "5000"))).IsSuccess.ShouldBeTrue();
        topics.GetTopic("orders")!.ConfigOverrides.Keys.ShouldBe(["retention.bytes"]);
        topics.GetTopic("orders")!.Partitions[0].Log.Config.RetentionBytes.ShouldBe(5000);
        topics.AlterConfigs("orders", Configs(("retention.bytes", "lots"))).ErrorCode.ShouldBe(ErrorCode.InvalidConfig);
    }

    [Fact]
    public void Topics_are_auto_created_on_first_use_only_when_enabled()
    {
        using (var topics = NewManager(defaultPartitions: 2))
        {
            topics.GetOrAutoCreateTopic("events")!.Partitions.Count.ShouldBe(2);
            topics.GetOrAutoCreateTopic("bad/name").ShouldBeNull();
        }

        using var strict = new TopicManager(new TopicManagerOptions { DataDirectory = _directory.Combine("strict"), AutoCreateTopicsEnable = false });
        strict.GetOrAutoCreateTopic("events").ShouldBeNull();
        strict.ListTopics().ShouldBeEmpty();
    }

    [Fact]
    public async Task Deleting_a_topic_removes_its_data_and_a_new_topic_of_that_name_starts_empty()
    {
        using var topics = NewManager();
        topics.CreateTopic("orders", 2);
        (await topics.GetPartition("orders", 0)!.AppendAsync(Batches.Of(3), TestContext.Current.CancellationToken)).ErrorCode.ShouldBe(ErrorCode.None);

        var deleted = topics.GetPartition("orders", 0)!;
        var waiting = deleted.Log.WaitForDataAsync(3, TestContext.Current.CancellationToken);

        topics.DeleteTopic("orders").IsSuccess.ShouldBeTrue();

        await waiting; // a fetch parked on a deleted partition is released
        (await deleted.AppendAsync(Batches.Of(1), TestContext.Current.CancellationToken)).ErrorCode.ShouldBe(ErrorCode.UnknownTopicOrPartition);

        Directory.Exists(_directory.Combine("orders-0")).ShouldBeFalse();
        File.Exists(_directory.Combine(Path.Combine("topics", "orders.json"))).ShouldBeFalse();
        topics.DeleteTopic("orders").ErrorCode.ShouldBe(ErrorCode.UnknownTopicOrPartition);
        topics.CreateTopic("orders", 1).IsSuccess.ShouldBeTrue();
        topics.GetPartition("orders", 0)!.Log.LogEndOffset.ShouldBe(0);
    }

    [Fact]
    public void Partitions_can_only_grow_and_the_count_is_persisted()
    {
        using (var topics = NewManager())
        {
            topics.CreateTopic("orders", 2);
            topics.CreatePartitions("orders", 2).ErrorCode.ShouldBe(ErrorCode.InvalidPartitions);
            topics.CreatePartitions("orders", 5, validateOnly: true).IsSuccess.ShouldBeTrue();
            topics.GetTopic("orders")!.Partitions.Count.ShouldBe(2);
            topics.CreatePartitions("orders", 5).IsSuccess.ShouldBeTrue();
            topics.CreatePartitions("missing", 5).ErrorCode.ShouldBe(ErrorCode.UnknownTopicOrPartition);
        }

        using var reopened = NewManager();
        reopened.GetTopic("orders")!.Partitions.Count.ShouldBe(5);
    }

    [Fact]
    public async Task Records_survive_a_restart_of_the_topic_manager()
    {
        using (var topics = NewManager())
        {
            topics.CreateTopic("orders", 1);
            for (var i = 0; i < 10; i++)
            {
                await topics.GetPartition("orders", 0)!.AppendAsync(Batches.Of(2), TestContext.Current.CancellationToken);
            }
        }

        using var reopened = NewManager();
        var partition = reopened.GetPartition("orders", 0)!;
        partition.Log.LogEndOffset.ShouldBe(20);
        Batches.Headers(partition.Read(0, 1 << 20).Records).Count.ShouldBe(10);
    }

    [Fact]
    public void Retention_runs_over_every_partition()
    {
        var time = new ManualTimeProvider();
        var batch = Batches.Of(1, baseTimestamp: 0);
        using var topics = new TopicManager(new TopicManagerOptions { DataDirectory = _directory.Path, RetentionCheckInterval = TimeSpan.FromMinutes(1) }, time: time);
        topics.CreateTopic("old", 2, Configs(("retention.ms", "1000"), ("segment.bytes", batch.Length.ToString(System.Globalization.CultureInfo.InvariantCulture))));
        foreach (var partition in topics.GetTopic("old")!.Partitions)
        {
            for (var i = 0; i < 3; i++)
            {
                partition.Log.Append(Batches.Of(1, baseTimestamp: 0));
            }
        }

        time.Advance(TimeSpan.FromMinutes(1)); // the background check runs

        topics.GetTopic("old")!.Partitions.ShouldAllBe(p => p.Log.LogStartOffset == 3 && p.Log.LogEndOffset == 3);
    }

    public void Dispose() => _directory.Dispose();

    private TopicManager NewManager(int defaultPartitions = 1) =>
        new(new TopicManagerOptions { DataDirectory = _directory.Path, DefaultPartitionCount = defaultPartitions });

    private static Dictionary<string, string?> Configs(params (string Name, string? Value)[] configs) =>
        configs.ToDictionary(c => c.Name, c => c.Value);
}
