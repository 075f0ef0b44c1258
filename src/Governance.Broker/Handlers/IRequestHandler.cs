using Governance.Broker.Network;
using Governance.Kafka.Protocol;
using Governance.Kafka.Protocol.Wire;

namespace Governance.Broker.Handlers;

/// <summary>Serves one API: takes the decoded request, returns the response to send, or null to send none (acks=0).</summary>
public interface IRequestHandler
{
    ApiKey Key { get; }

    ValueTask<IProtocolStruct?> HandleAsync(RequestContext context, IProtocolStruct request, CancellationToken cancellationToken);
}
