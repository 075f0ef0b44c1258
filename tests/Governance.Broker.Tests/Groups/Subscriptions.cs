using System.Buffers.Binary;
using System.Text;

namespace Governance.Broker.Tests.Groups;

/// <summary>Consumer protocol member metadata and assignments as Kafka clients write them (ConsumerProtocolSubscription and ConsumerProtocolAssignment v0).</summary>
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

    /// <summary>A ConsumerProtocolAssignment v0: version, then per topic its name and partitions, then no user data.</summary>
    public static byte[] Assignment(params (string Topic, int[] Partitions)[] topics)
    {
        using var stream = new MemoryStream();
        Span<byte> buffer = stackalloc byte[4];
        BinaryPrimitives.WriteInt16BigEndian(buffer, 0);
        stream.Write(buffer[..2]);
        BinaryPrimitives.WriteInt32BigEndian(buffer, topics.Length);
        stream.Write(buffer);
        foreach (var (topic, partitions) in topics)
        {
            var name = Encoding.UTF8.GetBytes(topic);
            BinaryPrimitives.WriteInt16BigEndian(buffer, (short)name.Length);
            stream.Write(buffer[..2]);
            stream.Write(name);
            BinaryPrimitives.WriteInt32BigEndian(buffer, partitions.Length);
            stream.Write(buffer);
            foreach (var partition in partitions)
            {
                BinaryPrimitives.WriteInt32BigEndian(buffer, partition);
                stream.Write(buffer);
            }
        }

        BinaryPrimitives.WriteInt32BigEndian(buffer, -1);
        stream.Write(buffer);
        return stream.ToArray();
    }
}
