using System.Buffers.Binary;
using System.Net.Sockets;
using Governance.Kafka.Protocol;
using Governance.Kafka.Protocol.Wire;

namespace Governance.Broker.Tests.Support;

/// <summary>
/// A bare Kafka protocol connection built on the project's codecs, for what real clients never send: chosen
/// versions, pipelined or malformed frames, raw record batches.
/// </summary>
public sealed class RawKafkaClient : IDisposable
{
    private readonly TcpClient _tcp;
    private readonly NetworkStream _stream;
    private int _nextCorrelationId = 1;

    private RawKafkaClient(TcpClient tcp)
    {
        _tcp = tcp;
        _stream = tcp.GetStream();
    }

    public static async Task<RawKafkaClient> ConnectAsync(System.Net.IPEndPoint endPoint, CancellationToken cancellationToken)
    {
        var tcp = new TcpClient();
        await tcp.ConnectAsync(endPoint, cancellationToken);
        tcp.NoDelay = true;
        return new RawKafkaClient(tcp);
    }

    /// <summary>Encodes a request frame (size prefix, header, body) without sending it.</summary>
    public byte[] Encode(ApiKey key, short version, IProtocolStruct request, out int correlationId)
    {
        var api = ApiCatalog.Get(key);
        correlationId = _nextCorrelationId++;
        using var writer = new MessageWriter();
        writer.Advance(4);
        new RequestHeader { ApiKey = (short)key, ApiVersion = version, CorrelationId = correlationId, ClientId = "raw-test" }
            .Write(writer, api.RequestHeaderVersion(version));
        writer.Version = version;
        writer.Flexible = api.IsFlexible(version);
        request.Serialize(writer);
        writer.PatchInt32(0, writer.Position - 4);
        return writer.WrittenSpan.ToArray();
    }

    public async Task SendRawAsync(ReadOnlyMemory<byte> bytes, CancellationToken cancellationToken) =>
        await _stream.WriteAsync(bytes, cancellationToken);

    /// <summary>Sends a request and reads its response.</summary>
    public async Task<TResponse> SendAsync<TResponse>(ApiKey key, short version, IProtocolStruct request, CancellationToken cancellationToken)
        where TResponse : IProtocolStruct, new()
    {
        await SendRawAsync(Encode(key, version, request, out var correlationId), cancellationToken);
        return await ReceiveAsync<TResponse>(key, version, correlationId, cancellationToken);
    }

    /// <summary>Reads the next response, which must carry <paramref name="correlationId"/>.</summary>
    public async Task<TResponse> ReceiveAsync<TResponse>(ApiKey key, short version, int correlationId, CancellationToken cancellationToken)
        where TResponse : IProtocolStruct, new()
    {
        var frame = await ReceiveFrameAsync(cancellationToken) ?? throw new IOException("the broker closed the connection");
        var api = ApiCatalog.Get(key);
        var reader = new MessageReader(frame);
        var header = new ResponseHeader();
        header.Serialize(reader, api.ResponseHeaderVersion(version));
        if (header.CorrelationId != correlationId)
        {
            throw new InvalidOperationException($"expected correlation id {correlationId}, got {header.CorrelationId}");
        }
        var response = new TResponse();
        reader.Version = version;
        reader.Flexible = api.IsFlexible(version);
        response.Serialize(reader);
        return response;
    }

    /// <summary>The next response frame without its size prefix, or null once the broker closed the connection.</summary>
    public async Task<byte[]?> ReceiveFrameAsync(CancellationToken cancellationToken)
    {
        var size = new byte[4];
        if (!await ReadExactlyOrEndAsync(size, cancellationToken))
        {
            return null;
        }
        var frame = new byte[BinaryPrimitives.ReadInt32BigEndian(size)];
        return await ReadExactlyOrEndAsync(frame, cancellationToken) ? frame : null;
    }

    private async Task<bool> ReadExactlyOrEndAsync(byte[] buffer, CancellationToken cancellationToken)
    {
        try
        {
            await _stream.ReadExactlyAsync(buffer, cancellationToken);
            return true;
        }
        catch (EndOfStreamException)
        {
            return false;
        }
        catch (IOException)
        {
            return false;
        }
    }

    public void Dispose()
    {
        _stream.Dispose();
        _tcp.Dispose();
    }
}
