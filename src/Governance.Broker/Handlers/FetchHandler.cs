using Governance.Broker.Log;
using Governance.Broker.Network;
using Governance.Broker.Topics;
using Governance.Broker.Validation;
using Governance.Kafka.Protocol;
using Governance.Kafka.Protocol.Messages;

namespace Governance.Broker.Handlers;

/// <summary>
/// Fetch v4+ (v0-3 predate RecordBatch v2 and are refused with UNSUPPORTED_VERSION). Long poll: the request waits until
/// MinBytes have accumulated over its partitions or MaxWaitMs has passed (FetchRequest.json), or until no partition
/// can add more (each one's answer stops at a size limit rather than at its log end). Whole batches are served as stored, within
/// the client's size limits and the broker's own (<see cref="FetchLimits"/>); the first partition with data gets at
/// least one batch even above them (KIP-74). No fetch sessions: the
/// answer's session id is always 0 (KIP-227). The principal needs Read on each topic (TOPIC_AUTHORIZATION_FAILED).
/// </summary>
public sealed class FetchHandler(TopicManager topics, IBrokerAuthorizer authorizer, TimeProvider time, FetchLimits limits) : RequestHandler<FetchRequest, FetchResponse>
{
    private const short MinimumVersion = 4;

    public override ApiKey Key => ApiKey.Fetch;

    protected override async ValueTask<FetchResponse?> HandleAsync(
        RequestContext context, FetchRequest request, CancellationToken cancellationToken)
    {
        if (context.ApiVersion < MinimumVersion)
        {
            return Refuse(request, ErrorCode.UnsupportedVersion);
        }
        var denied = new HashSet<string>();
        foreach (var topic in request.Topics)
        {
            if (!await authorizer.IsAllowedAsync(context.Connection.Principal, "Read", "Topic", topic.Name, cancellationToken).ConfigureAwait(false))
            {
                denied.Add(topic.Name);
            }
        }
        var started = time.GetTimestamp();
        var maxWait = TimeSpan.FromMilliseconds(Math.Max(request.MaxWaitMs, 0));
        while (true)
        {
            var (response, bytes, fetched, waitOn) = Read(context, request, denied);
            var remaining = maxWait - time.GetElapsedTime(started);
            if (bytes >= request.MinBytes || remaining <= TimeSpan.Zero || waitOn.Count == 0)
            {
                foreach (var (topic, partition, read) in fetched)
                {
                    context.Connection.Activity.RecordFetched(topic, partition, read.RecordCount, read.Records.Length);
                }
                return response;
            }
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(remaining);
            try
            {
                await Task.WhenAny(waitOn.Select(w => w.Log.WaitForDataAsync(w.Offset, timeout.Token))).ConfigureAwait(false);
            }
            finally
            {
                await timeout.CancelAsync().ConfigureAwait(false);
            }
            cancellationToken.ThrowIfCancellationRequested();
        }
    }

    private (FetchResponse Response, long Bytes, List<(string Topic, int Partition, LogReadResult Read)> Fetched, List<(PartitionLog Log, long Offset)> WaitOn) Read(
        RequestContext context, FetchRequest request, HashSet<string> denied)
    {
        var response = new FetchResponse();
        var fetched = new List<(string, int, LogReadResult)>();
        var waitOn = new List<(PartitionLog, long)>();
        long bytes = 0;
        foreach (var topic in request.Topics)
        {
            var topicResponse = new TopicPartitions<FetchResponse.PartitionData> { Name = topic.Name };
            response.Responses.Add(topicResponse);
            foreach (var asked in topic.Partitions)
            {
                var data = new FetchResponse.PartitionData { PartitionIndex = asked.PartitionIndex };
                topicResponse.Partitions.Add(data);
                if (denied.Contains(topic.Name))
                {
                    data.ErrorCode = ErrorCode.TopicAuthorizationFailed;
                    continue;
                }
                var partition = topics.GetPartition(topic.Name, asked.PartitionIndex);
                if (partition is null)
                {
                    data.ErrorCode = ErrorCode.UnknownTopicOrPartition;
                    continue;
                }
                var budget = (int)Math.Min(
                    Math.Min(asked.PartitionMaxBytes, limits.PartitionMaxBytes),
                    Math.Max(Math.Min(request.MaxBytes, limits.MaxBytes) - bytes, 0));
                try
                {
                    // KIP-74: once the response is full, later partitions report their offsets but no records.
                    var read = budget > 0 || bytes == 0
                        ? partition.Read(asked.FetchOffset, budget)
                        : new LogReadResult(ReadOnlyMemory<byte>.Empty, partition.Log.HighWatermark, partition.Log.LogStartOffset);
                    // The records are a slice of a segment file, held open until the connection has sent them.
                    context.AfterResponseSent(read.Release);
                    data.HighWatermark = read.HighWatermark;
                    data.LastStableOffset = read.HighWatermark;
                    data.LogStartOffset = read.LogStartOffset;
                    data.Records = read.Records;
                    bytes += read.Records.Length;
                    if (!read.Records.IsEmpty)
                    {
                        fetched.Add((topic.Name, asked.PartitionIndex, read));
                    }
                    if (read.ReachedLogEnd)
                    {
                        // Records appended from here on would make this partition's answer larger.
                        waitOn.Add((partition.Log, read.HighWatermark));
                    }
                }
                catch (OffsetOutOfRangeException e)
                {
                    data.ErrorCode = ErrorCode.OffsetOutOfRange;
                    data.HighWatermark = e.LogEndOffset;
                    data.LastStableOffset = e.LogEndOffset;
                    data.LogStartOffset = e.LogStartOffset;
                }
            }
        }
        return (response, bytes, fetched, waitOn);
    }

    private static FetchResponse Refuse(FetchRequest request, ErrorCode errorCode) => new()
    {
        Responses = request.Topics.Select(t => new TopicPartitions<FetchResponse.PartitionData>
        {
            Name = t.Name,
            Partitions = t.Partitions.Select(p => new FetchResponse.PartitionData
            {
                PartitionIndex = p.PartitionIndex,
                ErrorCode = errorCode,
            }).ToList(),
        }).ToList(),
    };
}
