using System.Buffers.Binary;

namespace Governance.Broker.Groups;

/// <summary>
/// Reads the topics out of the consumer protocol's member metadata (Kafka ConsumerProtocolSubscription.json: int16
/// version, then an array of topic names as int32 count and int16-length strings, then user data and, from v1, owned
/// partitions). Every version starts with the topics, so later versions read the same way. The coordinator never runs
/// assignors; it reads subscriptions only to tell governance which topics a group consumes.
/// </summary>
public static class ConsumerProtocol
{
    /// <summary>The protocol type of consumer groups.</summary>
    public const string ProtocolType = "consumer";

    /// <summary>The subscribed topic names, or an empty list when the metadata is not a readable subscription.</summary>
    public static IReadOnlyList<string> ReadSubscriptionTopics(ReadOnlySpan<byte> metadata)
    {
        // int16 version + int32 topic count
        if (metadata.Length < 6 || BinaryPrimitives.ReadInt16BigEndian(metadata) < 0)
        {
            return [];
        }

        var count = BinaryPrimitives.ReadInt32BigEndian(metadata[2..]);
        var position = 6;
        if (count < 0 || count > (metadata.Length - position) / 2)
        {
            return [];
        }

        var topics = new List<string>(count);
        for (var i = 0; i < count; i++)
        {
            var length = BinaryPrimitives.ReadInt16BigEndian(metadata[position..]);
            position += 2;
            if (length < 0 || length > metadata.Length - position)
            {
                return [];
            }

            topics.Add(System.Text.Encoding.UTF8.GetString(metadata.Slice(position, length)));
            position += length;
            if (i < count - 1 && metadata.Length - position < 2)
            {
                return [];
            }
        }

        return topics;
    }
}
