using Governance.Broker.Topics;
using Governance.Kafka.Protocol;
using Governance.Kafka.Protocol.Messages;

namespace Governance.Broker.Handlers;

/// <summary>The per-resource answer of both config-altering APIs: only topic configs can change.</summary>
internal static class ConfigResults
{
    public static AlterConfigsResponse.Result For(sbyte resourceType, string resourceName, Func<TopicOperationResult> alterTopic)
    {
        var result = new AlterConfigsResponse.Result { ResourceType = resourceType, ResourceName = resourceName };
        if (resourceType != ConfigResourceType.Topic)
        {
            result.ErrorCode = ErrorCode.InvalidRequest;
            result.ErrorMessage = $"Only topic configs (resource type 2) can be altered, not resource type {resourceType}.";
            return result;
        }
        var outcome = alterTopic();
        result.ErrorCode = outcome.ErrorCode;
        result.ErrorMessage = outcome.ErrorMessage;
        return result;
    }
}
