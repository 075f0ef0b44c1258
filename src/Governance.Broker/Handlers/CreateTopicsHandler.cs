using Governance.Broker.Network;
using Governance.Broker.Topics;
using Governance.Kafka.Protocol;
using Governance.Kafka.Protocol.Messages;

namespace Governance.Broker.Handlers;

/// <summary>
/// CreateTopics. One node holds one replica, so a replication factor other than 1 (or -1, the default) is refused
/// with INVALID_REPLICATION_FACTOR; explicit assignments fix the partition count. v5 echoes the topic's configs.
/// </summary>
public sealed class CreateTopicsHandler(TopicManager topics) : RequestHandler<CreateTopicsRequest, CreateTopicsResponse>
{
    public override ApiKey Key => ApiKey.CreateTopics;

    protected override ValueTask<CreateTopicsResponse?> HandleAsync(
        RequestContext context, CreateTopicsRequest request, CancellationToken cancellationToken) =>
        ValueTask.FromResult<CreateTopicsResponse?>(new CreateTopicsResponse
        {
            Topics = request.Topics.Select(t => Create(t, request.ValidateOnly)).ToList(),
        });

    private CreateTopicsResponse.Topic Create(CreateTopicsRequest.Topic requested, bool validateOnly)
    {
        var answer = new CreateTopicsResponse.Topic { Name = requested.Name };
        if (requested.ReplicationFactor is not (-1 or 1) && requested.Assignments.Count == 0)
        {
            answer.ErrorCode = ErrorCode.InvalidReplicationFactor;
            answer.ErrorMessage = $"Replication factor {requested.ReplicationFactor} is larger than the 1 broker of this cluster.";
            return answer;
        }
        if (requested.Assignments.Any(a => a.BrokerIds.Any(b => b != BrokerIdentity.NodeId)))
        {
            answer.ErrorCode = ErrorCode.InvalidReplicaAssignment;
            answer.ErrorMessage = $"Replica assignments may only name broker {BrokerIdentity.NodeId}.";
            return answer;
        }
        var partitionCount = requested.Assignments.Count > 0 ? requested.Assignments.Count : requested.NumPartitions;
        var configs = requested.Configs.ToDictionary(c => c.Name, c => c.Value);
        var result = topics.CreateTopic(requested.Name, partitionCount, configs, validateOnly);
        answer.ErrorCode = result.ErrorCode;
        answer.ErrorMessage = result.ErrorMessage;
        var description = result.IsSuccess ? topics.DescribeTopic(requested.Name) : null;
        if (description is not null)
        {
            answer.NumPartitions = description.PartitionCount;
            answer.ReplicationFactor = 1;
            answer.Configs = description.Configs.Select(c => new CreateTopicsResponse.Config
            {
                Name = c.Name,
                Value = c.Value,
                ReadOnly = c.IsReadOnly,
                ConfigSource = c.Source,
                IsSensitive = c.IsSensitive,
            }).ToList();
        }
        return answer;
    }
}
