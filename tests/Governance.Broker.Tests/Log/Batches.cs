using System.Text;
using Governance.Kafka.Protocol.Records;

namespace Governance.Broker.Tests.Log;

/// <summary>Record batches as a producer would send them, for the data plane tests.</summary>
public static class Batches
{
    /// <summary>A batch of <paramref name="count"/> records "value-i", with timestamps <paramref name="baseTimestamp"/> + i.</summary>
    public static byte[] Of(int count, long baseTimestamp = 1_700_000_000_000, int valueSize = 0, long producerId = -1, short producerEpoch = -1, int baseSequence = -1)
    {
        var builder = new RecordBatchBuilder(baseTimestamp);
        for (var i = 0; i < count; i++)
        {
            var value = valueSize > 0 ? new byte[valueSize] : Encoding.UTF8.GetBytes($"value-{i}");
            builder.Add(Encoding.UTF8.GetBytes($"key-{i}"), value, baseTimestamp + i);
        }

        return builder.Build(producerId, producerEpoch, baseSequence);
    }

    /// <summary>The headers of the batches in a fetch answer.</summary>
    public static IReadOnlyList<RecordBatchHeader> Headers(ReadOnlyMemory<byte> records)
    {
        var headers = new List<RecordBatchHeader>();
        var position = 0;
        while (position < records.Length)
        {
            var header = RecordBatch.Validate(records.Span.Slice(position, RecordBatch.ReadTotalSize(records.Span[position..])));
            headers.Add(header);
            position += header.TotalSize;
        }

        return headers;
    }
}
