using Governance.Broker.Network;
using Governance.Broker.Topics;
using Governance.Kafka.Protocol;
using Governance.Kafka.Protocol.Messages;

namespace Governance.Broker.Handlers;

/// <summary>CreatePartitions: grows topics to the requested total partition count.</summary>
public sealed class CreatePartitionsHandler(TopicManager topics) : RequestHandler<CreatePartitionsRequest, CreatePartitionsResponse>
{
    public override ApiKey Key => ApiKey.CreatePartitions;

    protected override ValueTask<CreatePartitionsResponse?> HandleAsync(
        RequestContext context, CreatePartitionsRequest request, CancellationToken cancellationToken) =>
        ValueTask.FromResult<CreatePartitionsResponse?>(new CreatePartitionsResponse
        {
            Results = request.Topics.Select(t =>
            {
                var result = topics.CreatePartitions(t.Name, t.Count, request.ValidateOnly);
                return new CreatePartitionsResponse.Result { Name = t.Name, ErrorCode = result.ErrorCode, ErrorMessage = result.ErrorMessage };
            }).ToList(),
        });
}
