using Governance.Broker.Network;
using Governance.Kafka.Protocol;
using Governance.Kafka.Protocol.Wire;

namespace Governance.Broker.Handlers;

/// <summary>A handler typed by its request and response messages.</summary>
public abstract class RequestHandler<TRequest, TResponse> : IRequestHandler
    where TRequest : IProtocolStruct
    where TResponse : IProtocolStruct
{
    public abstract ApiKey Key { get; }

    public async ValueTask<IProtocolStruct?> HandleAsync(
        RequestContext context, IProtocolStruct request, CancellationToken cancellationToken) =>
        await HandleAsync(context, (TRequest)request, cancellationToken).ConfigureAwait(false);

    protected abstract ValueTask<TResponse?> HandleAsync(
        RequestContext context, TRequest request, CancellationToken cancellationToken);
}
