using System.Buffers;
using System.Buffers.Binary;
using System.Net.Sockets;
using Governance.Broker.Handlers;
using Governance.Kafka.Protocol;
using Governance.Kafka.Protocol.Messages;
using Governance.Kafka.Protocol.Wire;
using Microsoft.Extensions.Logging;

namespace Governance.Broker.Network;

/// <summary>
/// One client connection: reads size-prefixed frames (docs/protocol.html, "Protocol Primitive Types" / framing),
/// serves them one at a time in arrival order, as Kafka does by muting a channel while a request is in flight, and
/// answers in request order. Responses to requests that were already buffered are sent together in one write.
/// A bad frame closes this connection only.
/// </summary>
internal sealed class KafkaConnection(
    Socket socket,
    ConnectionContext context,
    RequestHandlers handlers,
    int maxFrameBytes,
    ILogger logger)
{
    private const int ReceiveBufferBytes = 64 * 1024;

    /// <summary>
    /// Record sets at least this large are not copied into the send buffer: they go to the socket as the log handed
    /// them over, slices of segment files sent with sendfile (<see cref="SegmentSender"/>).
    /// </summary>
    private const int SpliceThresholdBytes = 16 * 1024;

    /// <summary>The smallest request header: api key, version, correlation id, client id length.</summary>
    private const int MinimumFrameBytes = 10;

    /// <summary>Requests whose answers are in the send buffer, not yet sent: what they borrowed is released once sent.</summary>
    private readonly List<RequestContext> _unsent = [];
    private readonly List<ReadOnlyMemory<byte>> _segments = [];
    private readonly SegmentSender _sender = new();
    private byte[] _receive = ArrayPool<byte>.Shared.Rent(ReceiveBufferBytes);
    private int _start;
    private int _end;

    public ConnectionContext Context => context;

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        using var output = new MessageWriter(ReceiveBufferBytes) { SpliceThreshold = SpliceThresholdBytes };
        try
        {
            while (true)
            {
                if (!await FillAsync(4, output, cancellationToken).ConfigureAwait(false))
                {
                    return;
                }
                var size = BinaryPrimitives.ReadInt32BigEndian(_receive.AsSpan(_start, 4));
                if (size < MinimumFrameBytes || size > maxFrameBytes)
                {
                    logger.LogWarning(
                        "Closing connection from {Address}: frame size {Size} outside {Min}..{Max} bytes",
                        context.Address, size, MinimumFrameBytes, maxFrameBytes);
                    return;
                }
                if (!await FillAsync(4 + size, output, cancellationToken).ConfigureAwait(false))
                {
                    return;
                }
                var frame = _receive.AsMemory(_start + 4, size);
                var keepOpen = await ServeAsync(frame, output, cancellationToken).ConfigureAwait(false);
                _start += 4 + size;
                if (!keepOpen)
                {
                    await FlushAsync(output, cancellationToken).ConfigureAwait(false);
                    return;
                }
            }
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException or OperationCanceledException or IOException)
        {
            logger.LogDebug("Connection from {Address} ended: {Reason}", context.Address, e.Message);
        }
        finally
        {
            ReleaseUnsent();
            _sender.Dispose();
            ArrayPool<byte>.Shared.Return(_receive);
            _receive = [];
        }
    }

    /// <summary>
    /// Makes sure <paramref name="count"/> bytes from the current frame start are buffered, sending pending responses
    /// before waiting for the client. Returns false when the client closed the connection.
    /// </summary>
    private async ValueTask<bool> FillAsync(int count, MessageWriter output, CancellationToken cancellationToken)
    {
        if (_end - _start >= count)
        {
            return true;
        }
        if (count > _receive.Length)
        {
            var larger = ArrayPool<byte>.Shared.Rent(count);
            _receive.AsSpan(_start, _end - _start).CopyTo(larger);
            ArrayPool<byte>.Shared.Return(_receive);
            _receive = larger;
            _end -= _start;
            _start = 0;
        }
        else if (_start + count > _receive.Length || _start == _end)
        {
            _receive.AsSpan(_start, _end - _start).CopyTo(_receive);
            _end -= _start;
            _start = 0;
        }
        await FlushAsync(output, cancellationToken).ConfigureAwait(false);
        while (_end - _start < count)
        {
            var read = await socket.ReceiveAsync(_receive.AsMemory(_end), SocketFlags.None, cancellationToken)
                .ConfigureAwait(false);
            if (read == 0)
            {
                return false;
            }
            _end += read;
        }
        return true;
    }

    private async ValueTask FlushAsync(MessageWriter output, CancellationToken cancellationToken)
    {
        _segments.Clear();
        output.GetSegments(_segments);
        if (_segments.Count == 1)
        {
            var pending = _segments[0];
            while (!pending.IsEmpty)
            {
                var sent = await socket.SendAsync(pending, SocketFlags.None, cancellationToken).ConfigureAwait(false);
                pending = pending[sent..];
            }
        }
        else if (_segments.Count > 1)
        {
            await _sender.SendAsync(socket, _segments).ConfigureAwait(false);
        }
        output.Clear();
        ReleaseUnsent();
    }

    private void ReleaseUnsent()
    {
        foreach (var request in _unsent)
        {
            request.ResponseSent();
        }
        _unsent.Clear();
    }

    /// <summary>Serves one frame; returns false when the connection must close.</summary>
    private async ValueTask<bool> ServeAsync(ReadOnlyMemory<byte> frame, MessageWriter output, CancellationToken cancellationToken)
    {
        DecodedRequest request;
        try
        {
            request = DecodedRequest.Decode(frame);
        }
        catch (KafkaProtocolException e)
        {
            logger.LogWarning("Closing connection from {Address}: malformed request: {Reason}", context.Address, e.Message);
            return false;
        }
        context.SetClientId(request.Header.ClientId);
        var definition = request.Definition;
        if (definition is null || request.Body is null)
        {
            if (definition?.Key == ApiKey.ApiVersions)
            {
                // KIP-511: an ApiVersions version the broker does not know is answered in v0 with UNSUPPORTED_VERSION
                // and the supported ranges, so that the client can retry with a version both sides know.
                var refusal = ApiVersionsHandler.Build(ErrorCode.UnsupportedVersion);
                ResponseEncoder.Write(output, definition, 0, request.Header.CorrelationId, refusal);
                return true;
            }
            logger.LogWarning(
                "Closing connection from {Address}: unsupported api key {ApiKey} version {Version}",
                context.Address, request.Header.ApiKey, request.Header.ApiVersion);
            return false;
        }
        var handler = handlers.Get(definition.Key);
        var requestContext = new RequestContext(context, request.Header);
        var pending = handler.HandleAsync(requestContext, request.Body, cancellationToken);
        if (!pending.IsCompleted)
        {
            // A long poll or a rebalance may wait a while: answers to earlier requests must not wait with it.
            await FlushAsync(output, cancellationToken).ConfigureAwait(false);
        }
        try
        {
            IProtocolStruct? response;
            try
            {
                response = await pending.ConfigureAwait(false);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "{Api} v{Version} from {Address} failed", definition.Key, request.Header.ApiVersion, context.Address);
                return false;
            }
            if (response is not null)
            {
                ResponseEncoder.Write(output, definition, request.Header.ApiVersion, request.Header.CorrelationId, response);
            }
            return !requestContext.CloseConnection;
        }
        finally
        {
            // Whatever the answer borrowed stays borrowed until it has been sent (or the connection ends).
            _unsent.Add(requestContext);
        }
    }
}
