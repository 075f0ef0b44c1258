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
    /// Runs <paramref name="action"/> once the response has been encoded into the send buffer, or the request failed:
    /// for resources the response borrows, such as pooled buffers holding fetched records.
    /// </summary>
    public void AfterResponseWritten(Action action) => (_afterResponse ??= []).Add(action);

    /// <summary>Called by the connection after the response is written (or was not).</summary>
    internal void ResponseWritten()
    {
        var actions = _afterResponse;
        _afterResponse = null;
        actions?.ForEach(action => action());
    }
}
