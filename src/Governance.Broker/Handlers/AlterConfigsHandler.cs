using Governance.Broker.Network;
using Governance.Broker.Topics;
using Governance.Kafka.Protocol;
using Governance.Kafka.Protocol.Messages;

namespace Governance.Broker.Handlers;

/// <summary>AlterConfigs (legacy): replaces a topic's overrides. Only topic resources can be altered.</summary>
public sealed class AlterConfigsHandler(TopicManager topics) : RequestHandler<AlterConfigsRequest, AlterConfigsResponse>
{
    public override ApiKey Key => ApiKey.AlterConfigs;

    protected override ValueTask<AlterConfigsResponse?> HandleAsync(
        RequestContext context, AlterConfigsRequest request, CancellationToken cancellationToken) =>
        ValueTask.FromResult<AlterConfigsResponse?>(new AlterConfigsResponse
        {
            Responses = request.Resources.Select(r => ConfigResults.For(r.ResourceType, r.ResourceName, () =>
                topics.AlterConfigs(r.ResourceName, r.Configs.ToDictionary(c => c.Name, c => c.Value), request.ValidateOnly))).ToList(),
        });
}
