using System.Collections.Concurrent;
using Governance.Broker.Validation;

namespace Governance.Broker.Tests.Support;

/// <summary>The broker's registry port answered from a set of (subject, schema id) pairs the test registers.</summary>
public sealed class InMemorySchemaRegistry : ISchemaRegistryLookup
{
    private readonly ConcurrentDictionary<(string Subject, int SchemaId), bool> _registered = new();

    public void Register(string subject, int schemaId) => _registered[(subject, schemaId)] = true;

    public ValueTask<bool> IsRegisteredAsync(string subject, int schemaId, CancellationToken cancellationToken) =>
        ValueTask.FromResult(_registered.ContainsKey((subject, schemaId)));
}
