namespace Governance.Kafka.Protocol.Wire;

/// <summary>
/// A message or one of its nested structs. <see cref="Serialize"/> lists the fields in wire order, each under the
/// versions that carry it; the same method reads and writes, so the two directions cannot drift apart.
/// </summary>
public interface IProtocolStruct
{
    void Serialize(MessageCodec codec);
}
