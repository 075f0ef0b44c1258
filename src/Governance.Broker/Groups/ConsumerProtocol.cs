using System.Buffers.Binary;

namespace Governance.Broker.Groups;

/// <summary>
/// Reads the consumer protocol's member metadata and assignments (Kafka ConsumerProtocolSubscription.json and
/// ConsumerProtocolAssignment.json, never flexible): an int16 version, then the topics (subscription: an array of
/// int16-length names; assignment: an array of a name and an int32 array of partitions), then fields later versions
/// add at the end, so every version reads the same way. The coordinator never runs assignors; it reads these only to
/// tell governance which topics and partitions a group consumes.
/// </summary>
public static class ConsumerProtocol
{
    /// <summary>The protocol type of consumer groups.</summary>
    public const string ProtocolType = "consumer";

    /// <summary>
    /// The partitions an assignment gives a member, by topic, or an empty list when the bytes are not a readable
    /// assignment (empty assignments, as the broker stores for members the leader left out, read as none).
    /// </summary>
    public static IReadOnlyList<TopicAssignment> ReadAssignment(ReadOnlySpan<byte> assignment)
    {
        var position = 2; // int16 version
        if (assignment.Length < 6 || BinaryPrimitives.ReadInt16BigEndian(assignment) < 0 || !TryReadCount(assignment, ref position, 6, out var topicCount))
        {
            return [];
        }

        var topics = new List<TopicAssignment>(topicCount);
        for (var t = 0; t < topicCount; t++)
        {
            if (!TryReadString(assignment, ref position, out var topic) || !TryReadCount(assignment, ref position, 4, out var partitionCount))
            {
                return [];
            }

            var partitions = new int[partitionCount];
            for (var p = 0; p < partitionCount; p++)
            {
                partitions[p] = BinaryPrimitives.ReadInt32BigEndian(assignment[position..]);
                position += 4;
            }

            topics.Add(new TopicAssignment(topic, partitions));
        }

        return topics;
    }

    /// <summary>The subscribed topic names, or an empty list when the metadata is not a readable subscription.</summary>
    public static IReadOnlyList<string> ReadSubscriptionTopics(ReadOnlySpan<byte> metadata)
    {
        // int16 version + int32 topic count
        if (metadata.Length < 6 || BinaryPrimitives.ReadInt16BigEndian(metadata) < 0)
        {
            return [];
        }

        var position = 2;
        if (!TryReadCount(metadata, ref position, 2, out var count))
        {
            return [];
        }

        var topics = new List<string>(count);
        for (var i = 0; i < count; i++)
        {
            if (!TryReadString(metadata, ref position, out var topic))
            {
                return [];
            }

            topics.Add(topic);
        }

        return topics;
    }

    // An int32 array length whose elements, at least minimumElementSize bytes each, fit in what is left.
    private static bool TryReadCount(ReadOnlySpan<byte> data, ref int position, int minimumElementSize, out int count)
    {
        count = 0;
        if (data.Length - position < 4)
        {
            return false;
        }

        count = BinaryPrimitives.ReadInt32BigEndian(data[position..]);
        position += 4;
        return count >= 0 && count <= (data.Length - position) / minimumElementSize;
    }

    // An int16-length UTF-8 string (never null here).
    private static bool TryReadString(ReadOnlySpan<byte> data, ref int position, out string value)
    {
        value = string.Empty;
        if (data.Length - position < 2)
        {
            return false;
        }

        var length = BinaryPrimitives.ReadInt16BigEndian(data[position..]);
        position += 2;
        if (length < 0 || length > data.Length - position)
        {
            return false;
        }

        value = System.Text.Encoding.UTF8.GetString(data.Slice(position, length));
        position += length;
        return true;
    }
}
