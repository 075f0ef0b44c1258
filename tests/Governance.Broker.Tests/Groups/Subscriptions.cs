using System.Buffers.Binary;
using System.Text;

namespace Governance.Broker.Tests.Groups;

/// <summary>Consumer protocol member metadata as Kafka clients write it (ConsumerProtocolSubscription v0: version, topics, user data).</summary>
public static class Subscriptions
{
    public static byte[] For(params string[] topics)
    {
        using var stream = new MemoryStream();
        Span<byte> buffer = stackalloc byte[4];
        BinaryPrimitives.WriteInt16BigEndian(buffer, 0);
        stream.Write(buffer[..2]);
        BinaryPrimitives.WriteInt32BigEndian(buffer, topics.Length);
        stream.Write(buffer);
        foreach (var topic in topics)
        {
            var name = Encoding.UTF8.GetBytes(topic);
            BinaryPrimitives.WriteInt16BigEndian(buffer, (short)name.Length);
            stream.Write(buffer[..2]);
            stream.Write(name);
        }

        BinaryPrimitives.WriteInt32BigEndian(buffer, -1); // no user data
        stream.Write(buffer);
        return stream.ToArray();
    }
}
