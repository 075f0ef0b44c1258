using Governance.Broker.Log;
using Governance.Broker.Producers;
using Governance.Broker.Validation;
using Governance.Kafka.Protocol;
using Governance.Kafka.Protocol.Records;

namespace Governance.Broker.Topics;

/// <summary>
/// One partition of a topic as the request handlers use it: produce (batch validation, idempotent sequence checks,
/// schema validation, append), fetch, list offsets and the producers that wrote to it.
/// </summary>
public sealed class Partition : IDisposable
{
    /// <summary>ListOffsets timestamp -2: the earliest offset.</summary>
    public const long EarliestTimestamp = -2;

    /// <summary>ListOffsets timestamp -1: the latest offset (log end).</summary>
    public const long LatestTimestamp = -1;

    /// <summary>ListOffsets timestamp -3 (KIP-734): the offset of the record with the largest timestamp.</summary>
    public const long MaxTimestamp = -3;

    private const string ProducerSnapshotFile = "producer-state.snapshot";

    private readonly Topic _topic;
    private readonly SchemaValidator? _schemaValidator;
    private readonly ProducerStateManager _producers;
    private readonly Lock _appendLock = new();

    internal Partition(Topic topic, int id, string directory, LogConfig config, SchemaValidator? schemaValidator, TimeProvider time)
    {
        _topic = topic;
        Id = id;
        _schemaValidator = schemaValidator;
        _producers = new ProducerStateManager(time);
        Log = PartitionLog.Open(directory, config, time);
        RebuildProducerState();
    }

    public string Topic => _topic.Name;

    public int Id { get; }

    /// <summary>The partition's log (offsets, reads, long-poll waits).</summary>
    public PartitionLog Log { get; }

    /// <summary>
    /// Produce to this partition: validates the batch (CORRUPT_MESSAGE with the reason; INVALID_RECORD unless there is
    /// exactly one batch with baseOffset 0, as Kafka requires of Produce v3+), checks idempotent sequences
    /// (duplicates answered with their original offset, OUT_OF_ORDER_SEQUENCE_NUMBER, INVALID_PRODUCER_EPOCH), runs schema
    /// validation when the topic asks for it (INVALID_RECORD naming the record), recompresses when the topic's
    /// compression.type names another codec, then appends. The bytes are in the segment file when the task completes.
    /// <paramref name="records"/> is modified in place (offsets assigned) unless it was recompressed.
    /// </summary>
    public async ValueTask<ProduceResult> AppendAsync(Memory<byte> records, CancellationToken cancellationToken)
    {
        RecordBatchHeader header;
        try
        {
            var headers = RecordBatch.ValidateAll(records.Span);
            if (headers.Count != 1)
            {
                return ProduceResult.Error(ErrorCode.InvalidRecord, $"A produce to {Topic}-{Id} must carry exactly one record batch, not {headers.Count}.");
            }

            header = headers[0];
        }
        catch (RecordBatchFormatException e)
        {
            return ProduceResult.Error(ErrorCode.CorruptMessage, $"{Topic}-{Id}: {e.Message}");
        }

        if (header.BaseOffset != 0)
        {
            return ProduceResult.Error(ErrorCode.InvalidRecord, $"The record batch sent to {Topic}-{Id} has baseOffset {header.BaseOffset}; producers must send 0.");
        }

        var validation = _topic.SchemaValidation;
        if (validation.IsEnabled)
        {
            var refusal = await ValidateSchemasAsync(validation, records, cancellationToken).ConfigureAwait(false);
            if (refusal is not null)
            {
                return refusal;
            }
        }

        if (_topic.TargetCompression is { } target && target != header.Compression)
        {
            try
            {
                records = RecordBatch.Recompress(records.Span, target);
            }
            catch (RecordBatchFormatException e)
            {
                return ProduceResult.Error(ErrorCode.CorruptMessage, $"{Topic}-{Id}: {e.Message}");
            }
        }

        lock (_appendLock)
        {
            if (IsDeleted)
            {
                return ProduceResult.Error(ErrorCode.UnknownTopicOrPartition, $"Topic '{Topic}' was deleted.");
            }

            var check = _producers.Check(header);
            if (check.IsDuplicate)
            {
                return new ProduceResult(ErrorCode.None, check.DuplicateFirstOffset, -1, Log.LogStartOffset, 0, [], null);
            }

            if (check.ErrorCode != ErrorCode.None)
            {
                return ProduceResult.Error(check.ErrorCode, check.ErrorMessage);
            }

            var appended = Log.Append(records);
            _producers.Update(header, appended.FirstOffset);
            return new ProduceResult(ErrorCode.None, appended.FirstOffset, appended.LogAppendTime, appended.LogStartOffset, header.RecordCount, [], null);
        }
    }

    /// <summary>Fetch: whole batches from the one containing <paramref name="fetchOffset"/> (see <see cref="PartitionLog.Read"/>).</summary>
    /// <exception cref="OffsetOutOfRangeException">The offset is outside the log.</exception>
    public LogReadResult Read(long fetchOffset, int maxBytes) => Log.Read(fetchOffset, maxBytes);

    /// <summary>ListOffsets: <see cref="EarliestTimestamp"/>, <see cref="LatestTimestamp"/>, <see cref="MaxTimestamp"/> or a timestamp in ms.</summary>
    public ListOffsetResult ListOffset(long timestamp)
    {
        if (timestamp < MaxTimestamp)
        {
            return new ListOffsetResult(ErrorCode.InvalidRequest, -1, -1);
        }

        var found = timestamp switch
        {
            EarliestTimestamp => new TimestampOffset(-1, Log.LogStartOffset),
            LatestTimestamp => new TimestampOffset(-1, Log.LogEndOffset),
            MaxTimestamp => Log.MaxTimestamp(),
            _ => Log.OffsetForTimestamp(timestamp),
        };
        return found is { } f ? new ListOffsetResult(ErrorCode.None, f.Timestamp, f.Offset) : new ListOffsetResult(ErrorCode.None, -1, -1);
    }

    /// <summary>DescribeProducers: the idempotent producers this partition remembers.</summary>
    public IReadOnlyList<ProducerState> ActiveProducers()
    {
        lock (_appendLock)
        {
            return _producers.ActiveProducers();
        }
    }

    /// <summary>Writes the producer state snapshot and closes the log.</summary>
    public void Dispose()
    {
        lock (_appendLock)
        {
            if (!IsDeleted)
            {
                _producers.WriteSnapshot(Path.Combine(Log.Directory, ProducerSnapshotFile), Log.LogEndOffset);
            }

            Log.Dispose();
        }
    }

    internal bool IsDeleted { get; private set; }

    /// <summary>Closes the log and deletes the partition's directory.</summary>
    internal void Delete()
    {
        lock (_appendLock)
        {
            IsDeleted = true;
            Log.Delete();
        }
    }

    private async ValueTask<ProduceResult?> ValidateSchemasAsync(SchemaValidationSettings settings, ReadOnlyMemory<byte> records, CancellationToken cancellationToken)
    {
        if (_schemaValidator is null)
        {
            return ProduceResult.Error(ErrorCode.InvalidRecord, $"Topic '{Topic}' requires schema validation, but this broker has no schema registry to validate against.");
        }

        var result = await _schemaValidator.ValidateAsync(Topic, settings, records, cancellationToken).ConfigureAwait(false);
        return result.IsValid ? null : ProduceResult.Error(ErrorCode.InvalidRecord, result.ErrorMessage, result.RecordErrors);
    }

    // Producer state: the snapshot of the last clean shutdown, then the batches appended after it (all of the log without one).
    private void RebuildProducerState()
    {
        var snapshotOffset = _producers.TryLoadSnapshot(Path.Combine(Log.Directory, ProducerSnapshotFile));
        if (snapshotOffset is not { } from || from < Log.LogStartOffset || from > Log.LogEndOffset)
        {
            _producers.Clear();
            from = Log.LogStartOffset;
        }

        foreach (var header in Log.BatchHeaders(from))
        {
            if (header.BaseOffset >= from)
            {
                _producers.Update(header, header.BaseOffset);
            }
        }
    }
}
