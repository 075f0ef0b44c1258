using System.Net.Sockets;
using System.Runtime.InteropServices;
using Governance.Broker.Log;

namespace Governance.Broker.Network;

/// <summary>
/// Sends a response made of several pieces (the send buffer's bytes and the record sets spliced between them) with
/// one SendPackets operation: slices of segment files go with sendfile, straight from the page cache to the socket;
/// memory goes as it is. One sender per connection, one operation at a time.
/// </summary>
internal sealed class SegmentSender : SocketAsyncEventArgs
{
    private TaskCompletionSource? _completion;

    public Task SendAsync(Socket socket, IReadOnlyList<ReadOnlyMemory<byte>> segments)
    {
        SendPacketsElements = segments.Select(ElementFor).ToArray();
        var completion = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _completion = completion;
        if (!socket.SendPacketsAsync(this))
        {
            Complete();
        }
        return completion.Task;
    }

    protected override void OnCompleted(SocketAsyncEventArgs e) => Complete();

    private static SendPacketsElement ElementFor(ReadOnlyMemory<byte> segment)
    {
        if (MemoryMarshal.TryGetMemoryManager(segment, out SegmentSlice? slice, out var start, out var length))
        {
            return new SendPacketsElement(slice.File, slice.Position + start, length, endOfPacket: false);
        }
        return MemoryMarshal.TryGetArray(segment, out var array)
            ? new SendPacketsElement(array.Array!, array.Offset, array.Count, endOfPacket: false)
            : new SendPacketsElement(segment.ToArray(), endOfPacket: false);
    }

    private void Complete()
    {
        var completion = _completion!;
        _completion = null;
        SendPacketsElements = null;
        if (SocketError == SocketError.Success)
        {
            completion.SetResult();
        }
        else
        {
            completion.SetException(new SocketException((int)SocketError));
        }
    }
}
