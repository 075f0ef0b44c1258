using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using Governance.Broker.Activity;
using Governance.Broker.Handlers;
using Microsoft.Extensions.Logging;

namespace Governance.Broker.Network;

/// <summary>
/// The broker's TCP listener: accepts Kafka client connections and runs each on its own task until the client
/// leaves or the listener stops. A failing connection never affects the others.
/// </summary>
public sealed class BrokerListener(
    IPEndPoint endPoint,
    int maxFrameBytes,
    RequestHandlers handlers,
    ActivityAggregator activity,
    ILogger<BrokerListener> logger) : IAsyncDisposable
{
    private readonly ConcurrentDictionary<KafkaConnection, Task> _connections = new();
    private readonly CancellationTokenSource _stopping = new();
    private Socket? _socket;
    private Task? _acceptLoop;

    /// <summary>The address actually bound (port 0 in the configuration picks a free port).</summary>
    public IPEndPoint LocalEndPoint => (IPEndPoint)(_socket?.LocalEndPoint ?? throw new InvalidOperationException("not started"));

    public void Start()
    {
        var socket = new Socket(endPoint.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        socket.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
        socket.Bind(endPoint);
        socket.Listen(512);
        _socket = socket;
        _acceptLoop = AcceptLoopAsync(socket, _stopping.Token);
    }

    private async Task AcceptLoopAsync(Socket listener, CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            Socket client;
            try
            {
                client = await listener.AcceptAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException)
            {
                return;
            }
            catch (SocketException e)
            {
                logger.LogWarning("Accept failed: {Reason}", e.Message);
                continue;
            }
            client.NoDelay = true;
            var context = new ConnectionContext(client.RemoteEndPoint, activity.OpenConnection(client.RemoteEndPoint?.ToString() ?? "unknown"));
            var connection = new KafkaConnection(client, context, handlers, maxFrameBytes, logger);
            _connections[connection] = RunConnectionAsync(connection, client, cancellationToken);
        }
    }

    private async Task RunConnectionAsync(KafkaConnection connection, Socket client, CancellationToken cancellationToken)
    {
        await Task.Yield();
        try
        {
            await connection.RunAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            logger.LogError(e, "Connection from {Address} failed", connection.Context.Address);
        }
        finally
        {
            client.Dispose();
            connection.Context.Activity.Dispose();
            _connections.TryRemove(connection, out _);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync().ConfigureAwait(false);
        _socket?.Dispose();
        if (_acceptLoop is not null)
        {
            await _acceptLoop.ConfigureAwait(false);
        }
        await Task.WhenAll(_connections.Values).ConfigureAwait(false);
        _stopping.Dispose();
    }
}
