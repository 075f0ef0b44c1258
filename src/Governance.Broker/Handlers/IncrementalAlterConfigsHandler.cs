using Governance.Broker.Network;
using Governance.Broker.Topics;
using Governance.Kafka.Protocol;
using Governance.Kafka.Protocol.Messages;

namespace Governance.Broker.Handlers;

/// <summary>IncrementalAlterConfigs (KIP-339): set, delete, append or subtract single topic configs.</summary>
public sealed class IncrementalAlterConfigsHandler(TopicManager topics)
    : RequestHandler<IncrementalAlterConfigsRequest, AlterConfigsResponse>
{
    public override ApiKey Key => ApiKey.IncrementalAlterConfigs;

    protected override ValueTask<AlterConfigsResponse?> HandleAsync(
        RequestContext context, IncrementalAlterConfigsRequest request, CancellationToken cancellationToken) =>
        ValueTask.FromResult<AlterConfigsResponse?>(new AlterConfigsResponse
        {
            Responses = request.Resources.Select(r => ConfigResults.For(r.ResourceType, r.ResourceName, () =>
                topics.IncrementalAlterConfigs(
                    r.ResourceName,
                    r.Configs.Select(c => new ConfigAlteration(c.Name, (ConfigOperation)c.ConfigOperation, c.Value)).ToList(),
                    request.ValidateOnly))).ToList(),
        });
}
