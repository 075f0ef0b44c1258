using Governance.Kafka.Protocol.Wire;

namespace Governance.Kafka.Protocol.Messages;

/// <summary>
/// InitProducerIdRequest.json, versions 0-4. v3+ passes the current id and epoch so that an idempotent producer
/// can bump its epoch after an error (KIP-360).
/// </summary>
public sealed class InitProducerIdRequest : IProtocolStruct
{
    public string? TransactionalId;
    public int TransactionTimeoutMs;
    public long ProducerId = -1;
    public short ProducerEpoch = -1;
    public List<TaggedField>? Tags;

    public void Serialize(MessageCodec codec)
    {
        codec.NullableString(ref TransactionalId);
        codec.Int32(ref TransactionTimeoutMs);
        if (codec.Version >= 3)
        {
            codec.Int64(ref ProducerId);
            codec.Int16(ref ProducerEpoch);
        }
        codec.TaggedFields(ref Tags);
    }
}
