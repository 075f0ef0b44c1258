namespace Governance.Broker.Validation;

/// <summary>
/// The broker's port to the schema registry for produce-time schema validation: the registry is reached in-process
/// through this interface, never through its HTTP API. The server implements it over the registry core.
/// </summary>
public interface ISchemaRegistryLookup
{
    /// <summary>Whether <paramref name="schemaId"/> is registered under <paramref name="subject"/> (any live version).</summary>
    ValueTask<bool> IsRegisteredAsync(string subject, int schemaId, CancellationToken cancellationToken);
}
