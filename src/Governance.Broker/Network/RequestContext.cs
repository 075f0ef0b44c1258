using Governance.Kafka.Protocol;

namespace Governance.Broker.Network;

/// <summary>One request as a handler sees it: its header, its connection, and a way to ask for the connection to close.</summary>
public sealed class RequestContext(ConnectionContext connection, RequestHeader header)
{
    public ConnectionContext Connection { get; } = connection;

    public RequestHeader Header { get; } = header;

    public short ApiVersion => Header.ApiVersion;

    /// <summary>
    /// Set by a handler that must drop the connection after (or instead of) answering, as Kafka does when an acks=0
    /// produce fails: the client has no other way to learn about the error.
    /// </summary>
    public bool CloseConnection { get; set; }
}
