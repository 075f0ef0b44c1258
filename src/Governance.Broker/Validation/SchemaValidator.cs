namespace Governance.Broker.Validation;

/// <summary>
/// Produce-time schema validation as Confluent Server does it: for a topic with confluent.key.schema.validation or
/// confluent.value.schema.validation on, every record's key or value must be in the Confluent wire format (magic byte 0,
/// then a 4-byte big-endian schema id) with an id the registry has under the subject <c>&lt;topic&gt;-key</c> or
/// <c>&lt;topic&gt;-value</c> (TopicNameStrategy). Positive lookups are cached: schemas are immutable once registered.
/// </summary>
public sealed class SchemaValidator
{
    public SchemaValidator(ISchemaRegistryLookup registry)
    {
        throw new NotImplementedException();
    }

    /// <summary>
    /// Validates every record of the produce's batches (compressed batches are decompressed for this).
    /// </summary>
    /// <param name="topic">The topic, which names the subjects.</param>
    /// <param name="settings">Which of key and value to check.</param>
    /// <param name="batches">The produce request's validated record batches.</param>
    public ValueTask<SchemaValidationResult> ValidateAsync(string topic, SchemaValidationSettings settings, ReadOnlyMemory<byte> batches, CancellationToken cancellationToken)
    {
        throw new NotImplementedException();
    }
}
