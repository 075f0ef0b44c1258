using Governance.Broker.Network;
using Governance.Broker.Topics;
using Governance.Kafka.Protocol;
using Governance.Kafka.Protocol.Messages;

namespace Governance.Broker.Handlers;

/// <summary>
/// DescribeConfigs for topics: every config with its value and whether the topic overrides it. The broker resource
/// is answered with no configs: this broker's settings come from the server's configuration, not from Kafka configs.
/// </summary>
public sealed class DescribeConfigsHandler(TopicManager topics) : RequestHandler<DescribeConfigsRequest, DescribeConfigsResponse>
{
    public override ApiKey Key => ApiKey.DescribeConfigs;

    protected override ValueTask<DescribeConfigsResponse?> HandleAsync(
        RequestContext context, DescribeConfigsRequest request, CancellationToken cancellationToken) =>
        ValueTask.FromResult<DescribeConfigsResponse?>(new DescribeConfigsResponse
        {
            Results = request.Resources.Select(Describe).ToList(),
        });

    private DescribeConfigsResponse.Result Describe(DescribeConfigsRequest.Resource resource)
    {
        var result = new DescribeConfigsResponse.Result { ResourceType = resource.ResourceType, ResourceName = resource.ResourceName };
        if (resource.ResourceType == ConfigResourceType.Broker)
        {
            return result;
        }
        if (resource.ResourceType != ConfigResourceType.Topic)
        {
            result.ErrorCode = ErrorCode.InvalidRequest;
            result.ErrorMessage = $"Config resource type {resource.ResourceType} is not supported; only topics (2) and brokers (4) are.";
            return result;
        }
        var description = topics.DescribeTopic(resource.ResourceName);
        if (description is null)
        {
            result.ErrorCode = ErrorCode.UnknownTopicOrPartition;
            result.ErrorMessage = $"Topic '{resource.ResourceName}' does not exist.";
            return result;
        }
        result.Configs = description.Configs
            .Where(c => resource.ConfigurationKeys is null || resource.ConfigurationKeys.Contains(c.Name))
            .Select(c => new DescribeConfigsResponse.Config
            {
                Name = c.Name,
                Value = c.Value,
                ReadOnly = c.IsReadOnly,
                IsDefault = c.IsDefault,
                ConfigSource = c.Source,
                IsSensitive = c.IsSensitive,
                ConfigType = c.Type,
            })
            .ToList();
        return result;
    }
}
