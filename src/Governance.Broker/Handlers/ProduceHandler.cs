using System.Runtime.InteropServices;
using Governance.Broker.Activity;
using Governance.Broker.Network;
using Governance.Broker.Topics;
using Governance.Broker.Validation;
using Governance.Kafka.Protocol;
using Governance.Kafka.Protocol.Messages;
using Governance.Kafka.Protocol.Records;

namespace Governance.Broker.Handlers;

/// <summary>
/// Produce v3+ (RecordBatch v2 only; v0-2 are refused with UNSUPPORTED_VERSION as Kafka 4 does). The partition validates,
/// checks idempotent sequences and schemas, and appends before the answer; acks 1 and all are the same on one node.
/// acks=0 gets no answer, and a failure closes the connection (KafkaApis.handleProduceRequest). The principal needs
/// Write on the topic (TOPIC_AUTHORIZATION_FAILED otherwise).
/// </summary>
public sealed class ProduceHandler(TopicManager topics, IBrokerAuthorizer authorizer) : RequestHandler<ProduceRequest, ProduceResponse>
{
    private const short MinimumVersion = 3;

    public override ApiKey Key => ApiKey.Produce;

    protected override async ValueTask<ProduceResponse?> HandleAsync(
        RequestContext context, ProduceRequest request, CancellationToken cancellationToken)
    {
        var response = new ProduceResponse();
        var failed = false;
        foreach (var topicData in request.Topics)
        {
            var topicResponse = new TopicPartitions<ProduceResponse.PartitionResponse> { Name = topicData.Name };
            response.Responses.Add(topicResponse);
            foreach (var partitionData in topicData.Partitions)
            {
                var partitionResponse = await ProduceAsync(context, request, topicData.Name, partitionData, cancellationToken)
                    .ConfigureAwait(false);
                failed |= partitionResponse.ErrorCode != ErrorCode.None;
                topicResponse.Partitions.Add(partitionResponse);
            }
        }
        if (request.Acks == 0)
        {
            context.CloseConnection = failed;
            return null;
        }
        return response;
    }

    private async ValueTask<ProduceResponse.PartitionResponse> ProduceAsync(
        RequestContext context, ProduceRequest request, string topic, ProduceRequest.PartitionData data, CancellationToken cancellationToken)
    {
        var answer = new ProduceResponse.PartitionResponse { Index = data.Index };
        if (context.ApiVersion < MinimumVersion)
        {
            answer.ErrorCode = ErrorCode.UnsupportedVersion;
            return answer;
        }
        if (request.Acks is not (0 or 1 or -1))
        {
            answer.ErrorCode = ErrorCode.InvalidRequiredAcks;
            return answer;
        }
        if (!await authorizer.IsAllowedAsync(context.Connection.Principal, "Write", "Topic", topic, cancellationToken).ConfigureAwait(false))
        {
            answer.ErrorCode = ErrorCode.TopicAuthorizationFailed;
            return answer;
        }
        var partition = topics.GetPartition(topic, data.Index);
        if (partition is null)
        {
            answer.ErrorCode = ErrorCode.UnknownTopicOrPartition;
            return answer;
        }
        // The records are a slice of this connection's receive buffer, which nothing else reads while the request
        // is served; the log assigns offsets by rewriting them in place.
        var records = MemoryMarshal.AsMemory(data.Records ?? ReadOnlyMemory<byte>.Empty);
        var result = await partition.AppendAsync(records, cancellationToken).ConfigureAwait(false);
        answer.ErrorCode = result.ErrorCode;
        answer.BaseOffset = result.BaseOffset;
        answer.LogAppendTimeMs = result.LogAppendTime;
        answer.LogStartOffset = result.LogStartOffset;
        answer.ErrorMessage = result.ErrorMessage;
        answer.RecordErrors = result.RecordErrors
            .Select(e => new ProduceResponse.RecordError { BatchIndex = e.BatchIndex, BatchIndexErrorMessage = e.Message })
            .ToList();
        if (result.RecordCount > 0 && context.Connection.Activity.IsAttached)
        {
            CountActivity(context.Connection.Activity, topic, data.Index, result.RecordCount, records.Span);
        }
        return answer;
    }

    // Lineage counts the records' payload (keys, values, headers, uncompressed) and the schema ids they carry.
    private static void CountActivity(ConnectionActivity activity, string topic, int partition, int recordCount, ReadOnlySpan<byte> batch)
    {
        RecordPayload payload;
        try
        {
            payload = RecordPayload.Measure(batch);
        }
        catch (RecordBatchFormatException)
        {
            payload = new RecordPayload(batch.Length, -1, 0, -1, 0); // appended, but unreadable here: count the batch as it is
        }

        activity.RecordProduced(topic, partition, recordCount, payload.Bytes);
        if (payload.KeySchemaRecords > 0)
        {
            activity.RecordSchemaId(topic, RecordPart.Key, payload.KeySchemaId, payload.KeySchemaRecords);
        }

        if (payload.ValueSchemaRecords > 0)
        {
            activity.RecordSchemaId(topic, RecordPart.Value, payload.ValueSchemaId, payload.ValueSchemaRecords);
        }
    }
}
