namespace Governance.Broker.Activity;

/// <summary>
/// What the broker counted between two hand-overs: one <see cref="TrafficCount"/> per (client, principal, topic,
/// partition, direction) that moved records, and one <see cref="SchemaIdCount"/> per schema id seen in produced records.
/// </summary>
/// <param name="From">The previous hand-over (or the broker's start).</param>
/// <param name="To">This hand-over.</param>
public sealed record TrafficBatch(DateTimeOffset From, DateTimeOffset To, IReadOnlyList<TrafficCount> Flows, IReadOnlyList<SchemaIdCount> SchemaIds);

/// <summary>Records and bytes one client produced to or fetched from one partition within a hand-over.</summary>
/// <param name="Group">For fetches: the consumer group the client is a member of that subscribes to the topic, when known.</param>
/// <param name="Bytes">
/// Produce: the sum of the records' key, value and header sizes, uncompressed. Fetch: the size of the record batches
/// served, as stored (compressed batches stay compressed on the fetch path).
/// </param>
/// <param name="FirstSeen">The first request counted in this hand-over.</param>
/// <param name="LastSeen">The last request counted in this hand-over.</param>
public sealed record TrafficCount(
    string ClientId,
    string Principal,
    string Topic,
    int Partition,
    ActivityDirection Direction,
    string? Group,
    long Records,
    long Bytes,
    DateTimeOffset FirstSeen,
    DateTimeOffset LastSeen);

/// <summary>
/// Produced records whose key or value is in the schema registry's wire format (magic byte 0, then a 4-byte big-endian
/// schema id): the id of each batch's first record, counted for the records of the batch that carry the same id.
/// </summary>
public sealed record SchemaIdCount(string ClientId, string Topic, RecordPart Part, int SchemaId, long Records, DateTimeOffset FirstSeen, DateTimeOffset LastSeen);

/// <summary>The part of a record a schema id was found in.</summary>
public enum RecordPart
{
    Key,
    Value,
}
