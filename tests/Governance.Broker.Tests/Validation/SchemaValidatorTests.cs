using System.Buffers.Binary;
using System.Text;
using Governance.Broker.Tests.Log;
using Governance.Broker.Topics;
using Governance.Broker.Validation;
using Governance.Kafka.Protocol;
using Governance.Kafka.Protocol.Records;
using Shouldly;
using Xunit;

namespace Governance.Broker.Tests.Validation;

public sealed class SchemaValidatorTests : IDisposable
{
    private static readonly SchemaValidationSettings Values = new(ValidateKeys: false, ValidateValues: true);

    private readonly TemporaryDirectory _directory = new();
    private readonly FakeSchemaRegistry _registry = new FakeSchemaRegistry().Register("orders-value", 7).Register("orders-key", 3);

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Records_carrying_a_registered_schema_id_are_valid_and_lookups_are_cached()
    {
        var validator = new SchemaValidator(_registry);
        var batch = Batch((null, Framed(7)), (null, Framed(7)));

        (await validator.ValidateAsync("orders", Values, batch, Cancellation)).IsValid.ShouldBeTrue();
        (await validator.ValidateAsync("orders", Values, batch, Cancellation)).IsValid.ShouldBeTrue();

        _registry.Lookups.ShouldBe(1);
    }

    [Fact]
    public async Task A_value_without_the_magic_byte_names_the_record_and_the_byte()
    {
        var validator = new SchemaValidator(_registry);

        var result = await validator.ValidateAsync("orders", Values, Batch((null, Framed(7)), (null, Encoding.UTF8.GetBytes("{\"id\":1}"))), Cancellation);

        result.IsValid.ShouldBeFalse();
        result.RecordErrors.ShouldHaveSingleItem().BatchIndex.ShouldBe(1);
        result.ErrorMessage.ShouldBe("Record 1 of the batch: the value starts with byte 0x7B, not the magic byte 0 of the schema registry wire format.");
    }

    [Fact]
    public async Task An_unregistered_schema_id_is_refused_naming_the_subject()
    {
        var result = await new SchemaValidator(_registry).ValidateAsync("orders", Values, Batch((null, Framed(99))), Cancellation);

        result.ErrorMessage.ShouldBe("Record 0 of the batch: the value's schema id 99 is not registered under subject 'orders-value'.");
    }

    [Fact]
    public async Task An_id_registered_under_another_subject_is_refused()
    {
        var result = await new SchemaValidator(_registry).ValidateAsync("orders", Values, Batch((null, Framed(3))), Cancellation);

        result.ErrorMessage!.ShouldContain("schema id 3 is not registered under subject 'orders-value'");
    }

    [Fact]
    public async Task Null_and_short_values_are_refused()
    {
        var result = await new SchemaValidator(_registry).ValidateAsync("orders", Values, Batch((null, null), (null, [0, 0, 7])), Cancellation);

        result.RecordErrors.Select(e => e.BatchIndex).ShouldBe([0, 1]);
        result.RecordErrors[0].Message.ShouldContain("the value is null");
        result.RecordErrors[1].Message.ShouldContain("3 byte(s) long, too short");
        result.ErrorMessage!.ShouldEndWith("(1 more invalid record(s))");
    }

    [Fact]
    public async Task Keys_are_checked_against_the_key_subject_only_when_asked()
    {
        var validator = new SchemaValidator(_registry);
        var batch = Batch((Framed(3), Framed(7)), (Encoding.UTF8.GetBytes("plain"), Framed(7)));

        (await validator.ValidateAsync("orders", Values, batch, Cancellation)).IsValid.ShouldBeTrue();
        var keys = await validator.ValidateAsync("orders", new SchemaValidationSettings(true, false), batch, Cancellation);
        keys.RecordErrors.ShouldHaveSingleItem().Message.ShouldBe("Record 1 of the batch: the key starts with byte 0x70, not the magic byte 0 of the schema registry wire format.");
    }

    [Fact]
    public async Task Compressed_batches_are_validated_record_by_record()
    {
        var builder = new RecordBatchBuilder(0).Add(null, Framed(7)).Add(null, [1, 2, 3, 4, 5, 6]);

        var result = await new SchemaValidator(_registry).ValidateAsync("orders", Values, builder.Build(compression: CompressionCodec.Gzip), Cancellation);

        result.RecordErrors.ShouldHaveSingleItem().BatchIndex.ShouldBe(1);
    }

    [Fact]
    public async Task A_produce_to_a_validated_topic_is_refused_with_invalid_record_and_nothing_is_written()
    {
        using var topics = new TopicManager(new TopicManagerOptions { DataDirectory = _directory.Path }, new SchemaValidator(_registry));
        topics.CreateTopic("orders", 1, new Dictionary<string, string?> { ["confluent.value.schema.validation"] = "true" });
        var partition = topics.GetPartition("orders", 0)!;

        var refused = await partition.AppendAsync(Batch((null, Framed(7)), (null, Framed(8))), Cancellation);
        var accepted = await partition.AppendAsync(Batch((null, Framed(7))), Cancellation);

        refused.ErrorCode.ShouldBe(ErrorCode.InvalidRecord);
        refused.ErrorMessage.ShouldBe("Record 1 of the batch: the value's schema id 8 is not registered under subject 'orders-value'.");
        refused.RecordErrors.ShouldHaveSingleItem().BatchIndex.ShouldBe(1);
        accepted.ErrorCode.ShouldBe(ErrorCode.None);
        accepted.BaseOffset.ShouldBe(0);
    }

    [Fact]
    public async Task Validation_turns_on_and_off_with_the_topic_config()
    {
        using var topics = new TopicManager(new TopicManagerOptions { DataDirectory = _directory.Path }, new SchemaValidator(_registry));
        topics.CreateTopic("orders", 1);
        var partition = topics.GetPartition("orders", 0)!;
        var plain = Batch((null, Encoding.UTF8.GetBytes("hello")));

        (await partition.AppendAsync(Batch((null, Encoding.UTF8.GetBytes("hello"))), Cancellation)).ErrorCode.ShouldBe(ErrorCode.None);
        topics.IncrementalAlterConfigs("orders", [new ConfigAlteration("confluent.value.schema.validation", ConfigOperation.Set, "true")]);
        (await partition.AppendAsync(plain, Cancellation)).ErrorCode.ShouldBe(ErrorCode.InvalidRecord);
    }

    [Fact]
    public async Task Without_a_registry_a_validated_topic_refuses_produces_saying_why()
    {
        using var topics = new TopicManager(new TopicManagerOptions { DataDirectory = _directory.Path });
        topics.CreateTopic("orders", 1, new Dictionary<string, string?> { ["confluent.key.schema.validation"] = "true" });

        var result = await topics.GetPartition("orders", 0)!.AppendAsync(Batch((Framed(3), null)), Cancellation);

        result.ErrorCode.ShouldBe(ErrorCode.InvalidRecord);
        result.ErrorMessage!.ShouldContain("no schema registry");
    }

    public void Dispose() => _directory.Dispose();

    private static byte[] Framed(int schemaId)
    {
        var bytes = new byte[9];
        BinaryPrimitives.WriteInt32BigEndian(bytes.AsSpan(1), schemaId);
        bytes[5] = 42;
        return bytes;
    }

    private static byte[] Batch(params (byte[]? Key, byte[]? Value)[] records)
    {
        var builder = new RecordBatchBuilder(0);
        foreach (var (key, value) in records)
        {
            builder.Add(key, value);
        }

        return builder.Build();
    }
}
