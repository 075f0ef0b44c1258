using Governance.Broker.Network;
using Governance.Broker.Topics;
using Governance.Kafka.Protocol;
using Governance.Kafka.Protocol.Messages;

namespace Governance.Broker.Handlers;

/// <summary>
/// InitProducerId for idempotent producers: a fresh producer id with epoch 0 each time, also for a KIP-360 epoch bump
/// (v3+), which librdkafka accepts. Transactions are refused by the producer id manager.
/// </summary>
public sealed class InitProducerIdHandler(TopicManager topics) : RequestHandler<InitProducerIdRequest, InitProducerIdResponse>
{
    public override ApiKey Key => ApiKey.InitProducerId;

    protected override ValueTask<InitProducerIdResponse?> HandleAsync(
        RequestContext context, InitProducerIdRequest request, CancellationToken cancellationToken)
    {
        var result = topics.ProducerIds.InitProducerId(request.TransactionalId);
        return ValueTask.FromResult<InitProducerIdResponse?>(new InitProducerIdResponse
        {
            ErrorCode = result.ErrorCode,
            ProducerId = result.ProducerId,
            ProducerEpoch = result.ProducerEpoch,
        });
    }
}
