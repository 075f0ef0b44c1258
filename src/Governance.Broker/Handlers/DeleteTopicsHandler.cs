using Governance.Broker.Network;
using Governance.Broker.Topics;
using Governance.Kafka.Protocol;
using Governance.Kafka.Protocol.Messages;

namespace Governance.Broker.Handlers;

/// <summary>DeleteTopics: removes each topic's logs and configs.</summary>
public sealed class DeleteTopicsHandler(TopicManager topics) : RequestHandler<DeleteTopicsRequest, DeleteTopicsResponse>
{
    public override ApiKey Key => ApiKey.DeleteTopics;

    protected override ValueTask<DeleteTopicsResponse?> HandleAsync(
        RequestContext context, DeleteTopicsRequest request, CancellationToken cancellationToken) =>
        ValueTask.FromResult<DeleteTopicsResponse?>(new DeleteTopicsResponse
        {
            Responses = request.TopicNames.Select(name =>
            {
                var result = topics.DeleteTopic(name);
                return new DeleteTopicsResponse.Result { Name = name, ErrorCode = result.ErrorCode, ErrorMessage = result.ErrorMessage };
            }).ToList(),
        });
}
