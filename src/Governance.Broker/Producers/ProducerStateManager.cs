using System.Text.Json;
using Governance.Broker.Log;
using Governance.Kafka.Protocol;
using Governance.Kafka.Protocol.Records;

namespace Governance.Broker.Producers;

/// <summary>
/// The idempotent producer state of one partition (KIP-98; Kafka ProducerStateManager): per producer id its epoch and
/// the metadata of its last 5 batches, so a retried batch is acknowledged with its original offset instead of being
/// appended twice, a sequence gap is refused with OUT_OF_ORDER_SEQUENCE_NUMBER and an old epoch with INVALID_PRODUCER_EPOCH.
/// Rebuilt on open from a snapshot written at clean shutdown plus the batch headers after it.
/// Not thread-safe: the owning partition serializes appends.
/// </summary>
public sealed class ProducerStateManager
{
    /// <summary>Batches remembered per producer for duplicate detection (Kafka ProducerStateEntry.NUM_BATCHES_TO_RETAIN).</summary>
    public const int BatchesToRetain = 5;

    /// <summary>producer.id.expiration.ms: a producer whose last batch is older than this is forgotten (Kafka default 1 day).</summary>
    public static readonly TimeSpan ProducerExpiration = TimeSpan.FromDays(1);

    private static readonly TimeSpan ExpirationCheckInterval = TimeSpan.FromMinutes(1);
    private static readonly JsonSerializerOptions SnapshotJson = new(JsonSerializerDefaults.Web);

    private readonly Dictionary<long, ProducerEntry> _producers = [];
    private readonly TimeProvider _time;
    private DateTimeOffset _lastExpirationCheck;

    public ProducerStateManager(TimeProvider? time = null)
    {
        _time = time ?? TimeProvider.System;
        _lastExpirationCheck = _time.GetUtcNow();
    }

    /// <summary>Checks a batch before it is appended; batches without a producer id always pass.</summary>
    public SequenceCheck Check(in RecordBatchHeader batch)
    {
        if (!batch.HasProducerId || !_producers.TryGetValue(batch.ProducerId, out var entry))
        {
            // An unknown producer may start at any sequence: its state can have gone with retention (Kafka does the same).
            return SequenceCheck.Append;
        }

        if (batch.ProducerEpoch < entry.Epoch)
        {
            return new SequenceCheck(
                ErrorCode.InvalidProducerEpoch,
                -1,
                $"Producer {batch.ProducerId} sent epoch {batch.ProducerEpoch}, older than its current epoch {entry.Epoch}.");
        }

        if (batch.ProducerEpoch > entry.Epoch)
        {
            return batch.BaseSequence == 0
                ? SequenceCheck.Append
                : new SequenceCheck(
                    ErrorCode.OutOfOrderSequenceNumber,
                    -1,
                    $"Producer {batch.ProducerId} started epoch {batch.ProducerEpoch} at sequence {batch.BaseSequence}; a new epoch must start at sequence 0.");
        }

        foreach (var retained in entry.Batches)
        {
            if (retained.FirstSequence == batch.BaseSequence && retained.LastSequence == batch.LastSequence)
            {
                return new SequenceCheck(ErrorCode.None, retained.FirstOffset, null);
            }
        }

        var last = entry.Batches[^1].LastSequence;
        var expected = last == int.MaxValue ? 0 : last + 1;
        return batch.BaseSequence == expected
            ? SequenceCheck.Append
            : new SequenceCheck(
                ErrorCode.OutOfOrderSequenceNumber,
                -1,
                $"Producer {batch.ProducerId} epoch {batch.ProducerEpoch} sent sequence {batch.BaseSequence}, expected {expected} (last appended sequence {last}).");
    }

    /// <summary>Records a batch that was appended at <paramref name="firstOffset"/> (or found in the log on recovery).</summary>
    public void Update(in RecordBatchHeader batch, long firstOffset)
    {
        if (!batch.HasProducerId)
        {
            return;
        }

        if (!_producers.TryGetValue(batch.ProducerId, out var entry) || entry.Epoch != batch.ProducerEpoch)
        {
            entry = new ProducerEntry(batch.ProducerEpoch, []);
            _producers[batch.ProducerId] = entry;
        }

        entry.Batches.Add(new BatchMetadata(batch.BaseSequence, batch.LastSequence, firstOffset, firstOffset + batch.LastOffsetDelta, batch.MaxTimestamp));
        if (entry.Batches.Count > BatchesToRetain)
        {
            entry.Batches.RemoveAt(0);
        }

        ExpireProducers();
    }

    // Kafka ProducerStateManager.removeExpiredProducers: forget producers whose last batch timestamp is older than the
    // expiration, so that producers that come and go (a new id per restart) do not accumulate. Checked once a minute.
    private void ExpireProducers()
    {
        var now = _time.GetUtcNow();
        if (now - _lastExpirationCheck < ExpirationCheckInterval)
        {
            return;
        }

        _lastExpirationCheck = now;
        var oldest = (now - ProducerExpiration).ToUnixTimeMilliseconds();
        foreach (var (producerId, entry) in _producers)
        {
            if (entry.Batches[^1].Timestamp < oldest)
            {
                _producers.Remove(producerId);
            }
        }
    }

    /// <summary>The producers that wrote to this partition and are still remembered (DescribeProducers).</summary>
    public IReadOnlyList<ProducerState> ActiveProducers() =>
        [.. _producers.Select(pair => new ProducerState(pair.Key, pair.Value.Epoch, pair.Value.Batches[^1].LastSequence, pair.Value.Batches[^1].Timestamp, pair.Value.Batches[^1].LastOffset))];

    /// <summary>Writes the state as of <paramref name="logEndOffset"/> to <paramref name="path"/>, atomically.</summary>
    public void WriteSnapshot(string path, long logEndOffset)
    {
        var snapshot = new Snapshot(logEndOffset, [.. _producers.Select(pair => new SnapshotProducer(pair.Key, pair.Value.Epoch, pair.Value.Batches))]);
        AtomicFile.Write(path, JsonSerializer.SerializeToUtf8Bytes(snapshot, SnapshotJson));
    }

    /// <summary>
    /// Loads a snapshot written by <see cref="WriteSnapshot"/>; returns the log offset it was taken at (the caller replays
    /// the batches from there), or null when there is no usable snapshot (replay the whole log).
    /// </summary>
    public long? TryLoadSnapshot(string path)
    {
        if (!File.Exists(path))
        {
            return null;
        }

        try
        {
            var snapshot = JsonSerializer.Deserialize<Snapshot>(File.ReadAllBytes(path), SnapshotJson);
            if (snapshot?.Producers is null)
            {
                return null;
            }

            _producers.Clear();
            foreach (var producer in snapshot.Producers.Where(p => p.Batches is { Count: > 0 }))
            {
                _producers[producer.ProducerId] = new ProducerEntry(producer.Epoch, [.. producer.Batches]);
            }

            return snapshot.Offset;
        }
        catch (JsonException)
        {
            _producers.Clear();
            return null;
        }
    }

    /// <summary>Forgets everything (before replaying the whole log).</summary>
    public void Clear() => _producers.Clear();

    private sealed record ProducerEntry(short Epoch, List<BatchMetadata> Batches);

    private sealed record BatchMetadata(int FirstSequence, int LastSequence, long FirstOffset, long LastOffset, long Timestamp);

    private sealed record Snapshot(long Offset, List<SnapshotProducer> Producers);

    private sealed record SnapshotProducer(long ProducerId, short Epoch, List<BatchMetadata> Batches);
}
