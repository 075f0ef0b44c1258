using Governance.Kafka.Protocol;

namespace Governance.Broker.Handlers;

/// <summary>The handler of every API in <see cref="ApiCatalog"/>, indexed by api key.</summary>
public sealed class RequestHandlers
{
    private readonly IRequestHandler?[] _byKey;

    public RequestHandlers(IEnumerable<IRequestHandler> handlers)
    {
        var list = handlers.ToList();
        _byKey = new IRequestHandler?[list.Max(h => (int)h.Key) + 1];
        foreach (var handler in list)
        {
            _byKey[(int)handler.Key] = handler;
        }
        var missing = ApiCatalog.All.Where(a => _byKey.ElementAtOrDefault((int)a.Key) is null).Select(a => a.Key).ToList();
        if (missing.Count > 0)
        {
            throw new InvalidOperationException($"No handler for {string.Join(", ", missing)}");
        }
    }

    public IRequestHandler Get(ApiKey key) => _byKey[(int)key]!;
}
