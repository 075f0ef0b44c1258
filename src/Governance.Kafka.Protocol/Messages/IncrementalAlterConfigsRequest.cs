using Governance.Kafka.Protocol.Wire;

namespace Governance.Kafka.Protocol.Messages;

/// <summary>
/// IncrementalAlterConfigsRequest.json, versions 0-1 (KIP-339): per config, 0 = set, 1 = delete, 2 = append,
/// 3 = subtract. The answer has the layout of <see cref="AlterConfigsResponse"/>.
/// </summary>
public sealed class IncrementalAlterConfigsRequest : ConfigAlterationRequest<IncrementalAlterConfigsRequest.Config>
{
    public const sbyte OperationSet = 0;
    public const sbyte OperationDelete = 1;

    public sealed class Config : IProtocolStruct
    {
        public string Name = "";
        public sbyte ConfigOperation;
        public string? Value;
        public List<TaggedField>? Tags;

        public void Serialize(MessageCodec codec)
        {
            codec.String(ref Name);
            codec.Int8(ref ConfigOperation);
            codec.NullableString(ref Value);
            codec.TaggedFields(ref Tags);
        }
    }
}
