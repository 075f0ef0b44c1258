namespace Governance.Broker.Activity;

/// <summary>
/// The activity handle the network layer holds for one connection: it tells the tracker who the client is and counts
/// what it produces and fetches. Cheap on the hot path: counters are cached per partition and updated with interlocked adds.
/// Dispose it when the connection closes.
/// </summary>
public sealed class ConnectionActivity : IDisposable
{
    public long ConnectionId => throw new NotImplementedException();

    /// <summary>The client.id of a request header (every request carries it; unchanged ids cost one string comparison).</summary>
    public void SetClientId(string? clientId) => throw new NotImplementedException();

    /// <summary>ClientSoftwareName and ClientSoftwareVersion from ApiVersions v3+ (KIP-511).</summary>
    public void SetClientSoftware(string? name, string? version) => throw new NotImplementedException();

    /// <summary>The authenticated principal (e.g. "User:alice"); "User:ANONYMOUS" until set.</summary>
    public void SetPrincipal(string principal) => throw new NotImplementedException();

    /// <summary>Counts records and bytes this client appended to a partition.</summary>
    public void RecordProduced(string topic, int partition, long records, long bytes) => throw new NotImplementedException();

    /// <summary>Counts records and bytes this client fetched from a partition (see RecordBatch.CountRecords).</summary>
    public void RecordFetched(string topic, int partition, long records, long bytes) => throw new NotImplementedException();

    public void Dispose() => throw new NotImplementedException();
}
