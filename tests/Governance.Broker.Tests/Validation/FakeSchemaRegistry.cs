using Governance.Broker.Validation;

namespace Governance.Broker.Tests.Validation;

/// <summary>A registry that knows the (subject, schema id) pairs a test registers, and counts lookups.</summary>
public sealed class FakeSchemaRegistry : ISchemaRegistryLookup
{
    private readonly HashSet<(string Subject, int SchemaId)> _registered = [];
    private int _lookups;

    public int Lookups => Volatile.Read(ref _lookups);

    public FakeSchemaRegistry Register(string subject, int schemaId)
    {
        _registered.Add((subject, schemaId));
        return this;
    }

    public ValueTask<bool> IsRegisteredAsync(string subject, int schemaId, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _lookups);
        return ValueTask.FromResult(_registered.Contains((subject, schemaId)));
    }
}
