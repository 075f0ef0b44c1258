using System.Buffers.Binary;
using System.Collections.Concurrent;
using Governance.Kafka.Protocol.Records;

namespace Governance.Broker.Validation;

/// <summary>
/// Produce-time schema validation as Confluent Server does it: for a topic with confluent.key.schema.validation or
/// confluent.value.schema.validation on, every record's key or value must be in the Confluent wire format (magic byte 0,
/// then a 4-byte big-endian schema id) with an id the registry has under the subject <c>&lt;topic&gt;-key</c> or
/// <c>&lt;topic&gt;-value</c> (TopicNameStrategy). Positive lookups are cached: schemas are immutable once registered.
/// </summary>
public sealed class SchemaValidator
{
    /// <summary>The Confluent wire format: magic byte 0, then the schema id as a big-endian int32.</summary>
    private const int WireHeaderSize = 5;

    private readonly ISchemaRegistryLookup _registry;
    private readonly ConcurrentDictionary<(string Subject, int SchemaId), bool> _registered = new();

    public SchemaValidator(ISchemaRegistryLookup registry)
    {
        _registry = registry;
    }

    /// <summary>
    /// Validates every record of the produce's batches (compressed batches are decompressed for this).
    /// </summary>
    /// <param name="topic">The topic, which names the subjects.</param>
    /// <param name="settings">Which of key and value to check.</param>
    /// <param name="batches">The produce request's validated record batches.</param>
    public async ValueTask<SchemaValidationResult> ValidateAsync(string topic, SchemaValidationSettings settings, ReadOnlyMemory<byte> batches, CancellationToken cancellationToken)
    {
        if (!settings.IsEnabled)
        {
            return SchemaValidationResult.Valid;
        }

        var errors = new List<RecordError>();
        var recordIndex = 0;
        var position = 0;
        while (position < batches.Length)
        {
            var size = RecordBatch.ReadTotalSize(batches.Span[position..], 0, position);
            IReadOnlyList<Record> records;
            try
            {
                records = RecordBatch.ReadRecords(batches.Slice(position, size));
            }
            catch (RecordBatchFormatException e)
            {
                errors.Add(new RecordError(recordIndex, $"The records could not be read for schema validation of topic '{topic}': {e.Message}"));
                return new SchemaValidationResult(errors);
            }

            foreach (var record in records)
            {
                var problem = (settings.ValidateKeys ? await CheckAsync(topic, "key", record.Key, cancellationToken).ConfigureAwait(false) : null)
                    ?? (settings.ValidateValues ? await CheckAsync(topic, "value", record.Value, cancellationToken).ConfigureAwait(false) : null);
                if (problem is not null)
                {
                    errors.Add(new RecordError(recordIndex, $"Record {recordIndex} of the batch: {problem}"));
                }

                recordIndex++;
            }

            position += size;
        }

        return errors.Count == 0 ? SchemaValidationResult.Valid : new SchemaValidationResult(errors);
    }

    // Why the key or value does not carry a registered schema id, or null when it does.
    private async ValueTask<string?> CheckAsync(string topic, string part, ReadOnlyMemory<byte>? data, CancellationToken cancellationToken)
    {
        var subject = $"{topic}-{part}";
        if (data is not { } bytes)
        {
            return $"the {part} is null, but topic '{topic}' requires {part}s serialized with a schema registered under subject '{subject}'.";
        }

        if (bytes.Length < WireHeaderSize)
        {
            return $"the {part} is {bytes.Length} byte(s) long, too short for the schema registry wire format (magic byte 0 and a 4-byte schema id).";
        }

        var span = bytes.Span;
        if (span[0] != 0)
        {
            return $"the {part} starts with byte 0x{span[0]:X2}, not the magic byte 0 of the schema registry wire format.";
        }

        var schemaId = BinaryPrimitives.ReadInt32BigEndian(span[1..]);
        if (_registered.ContainsKey((subject, schemaId)))
        {
            return null;
        }

        if (!await _registry.IsRegisteredAsync(subject, schemaId, cancellationToken).ConfigureAwait(false))
        {
            return $"the {part}'s schema id {schemaId} is not registered under subject '{subject}'.";
        }

        _registered.TryAdd((subject, schemaId), true);
        return null;
    }
}
