namespace Governance.Broker.Validation;

/// <summary>The default authorizer until access control lands: every principal may do everything.</summary>
public sealed class AllowAllAuthorizer : IBrokerAuthorizer
{
    public ValueTask<bool> IsAllowedAsync(string principal, string operation, string resourceType, string resourceName, CancellationToken cancellationToken) =>
        ValueTask.FromResult(true);
}
