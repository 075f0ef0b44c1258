using Governance.Kafka.Protocol;

namespace Governance.Broker.Network;

/// <summary>One request as a handler sees it: its header, its connection, and a way to ask for the connection to close.</summary>
public sealed class RequestContext(ConnectionContext connection, RequestHeader header)
{
    private List<Action>? _afterResponse;

    public ConnectionContext Connection { get; } = connection;

    public RequestHeader Header { get; } = header;

    public short ApiVersion => Header.ApiVersion;

    /// <summary>
    /// Set by a handler that must drop the connection after (or instead of) answering, as Kafka does when an acks=0
    /// produce fails: the client has no other way to learn about the error.
    /// </summary>
    public bool CloseConnection { get; set; }

    /// <summary>
    /// Runs <paramref name="action"/> once the response has been sent to the client, or will not be (the request
    /// failed, the connection ended): for resources the response borrows, such as pooled buffers holding fetched
    /// records, which go to the socket without being copied.
    /// </summary>
    public void AfterResponseSent(Action action) => (_afterResponse ??= []).Add(action);

    /// <summary>Called by the connection once the response is sent (or will not be).</summary>
    internal void ResponseSent()
    {
        var actions = _afterResponse;
        _afterResponse = null;
        actions?.ForEach(action => action());
    }
}
