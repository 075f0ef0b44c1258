using Governance.Broker.Validation;
using Governance.Registry;

namespace Governance.Server.Composition;

/// <summary>
/// The broker's schema lookup for produce-time validation, answered in-process by the registry core: a schema id is
/// registered under a subject when one of the subject's live (not soft-deleted) versions holds it.
/// </summary>
public sealed class RegistrySchemaLookup(ISchemaRegistry registry) : ISchemaRegistryLookup
{
    public async ValueTask<bool> IsRegisteredAsync(string subject, int schemaId, CancellationToken cancellationToken)
    {
        try
        {
            var versions = await registry.GetVersionsForIdAsync(schemaId, null, deleted: false, cancellationToken).ConfigureAwait(false);
            return versions.Any(version => version.Subject == subject);
        }
        catch (RegistryException e) when (e.ErrorCode is RegistryErrorCode.SchemaNotFound or RegistryErrorCode.SubjectNotFound)
        {
            return false;
        }
    }
}
