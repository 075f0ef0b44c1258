using Governance.Broker.Network;
using Governance.Broker.Topics;
using Governance.Kafka.Protocol;
using Governance.Kafka.Protocol.Messages;

namespace Governance.Broker.Handlers;

/// <summary>
/// Metadata: this one broker, and the asked topics (all topics when the list is null, or empty in v0). Unknown topics
/// are created when the client allows it (v4+) and auto.create.topics.enable is on, as Kafka does.
/// </summary>
public sealed class MetadataHandler(TopicManager topics, BrokerIdentity broker) : RequestHandler<MetadataRequest, MetadataResponse>
{
    public override ApiKey Key => ApiKey.Metadata;

    protected override ValueTask<MetadataResponse?> HandleAsync(
        RequestContext context, MetadataRequest request, CancellationToken cancellationToken)
    {
        var response = new MetadataResponse
        {
            Brokers = [new() { NodeId = BrokerIdentity.NodeId, Host = broker.AdvertisedHost, Port = broker.AdvertisedPort }],
            ClusterId = broker.ClusterId,
            ControllerId = BrokerIdentity.NodeId,
        };
        var allTopics = request.Topics is null || (context.ApiVersion == 0 && request.Topics.Count == 0);
        if (allTopics)
        {
            response.Topics = topics.ListTopics().Select(Describe).ToList();
        }
        else
        {
            var autoCreate = context.ApiVersion < 4 || request.AllowAutoTopicCreation;
            response.Topics = request.Topics!.Select(t => Lookup(t, autoCreate)).ToList();
        }
        return ValueTask.FromResult<MetadataResponse?>(response);
    }

    private MetadataResponse.Topic Lookup(MetadataRequest.Topic requested, bool autoCreate)
    {
        if (requested.Name is null)
        {
            return new() { ErrorCode = ErrorCode.UnknownTopicId, TopicId = requested.TopicId };
        }
        if (TopicNames.Validate(requested.Name) is not null)
        {
            return new() { ErrorCode = ErrorCode.InvalidTopicException, Name = requested.Name };
        }
        var topic = autoCreate ? topics.GetOrAutoCreateTopic(requested.Name) : topics.GetTopic(requested.Name);
        return topic is null
            ? new() { ErrorCode = ErrorCode.UnknownTopicOrPartition, Name = requested.Name }
            : Describe(topic);
    }

    private static MetadataResponse.Topic Describe(Topic topic) => new()
    {
        Name = topic.Name,
        TopicId = topic.TopicId,
        Partitions = topic.Partitions.Select(p => new MetadataResponse.Partition
        {
            PartitionIndex = p.Id,
            LeaderId = BrokerIdentity.NodeId,
            LeaderEpoch = 0,
            ReplicaNodes = [BrokerIdentity.NodeId],
            IsrNodes = [BrokerIdentity.NodeId],
        }).ToList(),
    };
}
