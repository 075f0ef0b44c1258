namespace Governance.Broker.Validation;

/// <summary>
/// The broker's authorization seam (Kafka's Authorizer, KIP-504 in spirit): may this principal perform this operation on
/// this resource? Access control plugs in here later; until then <see cref="AllowAllAuthorizer"/> says yes to everything.
/// </summary>
public interface IBrokerAuthorizer
{
    /// <param name="principal">The connection's principal, e.g. "User:ANONYMOUS".</param>
    /// <param name="operation">Kafka's operation name: Read, Write, Create, Delete, Alter, Describe, DescribeConfigs, AlterConfigs, IdempotentWrite.</param>
    /// <param name="resourceType">Topic, Group, Cluster or TransactionalId.</param>
    /// <param name="resourceName">The topic or group name, or "kafka-cluster".</param>
    ValueTask<bool> IsAllowedAsync(string principal, string operation, string resourceType, string resourceName, CancellationToken cancellationToken);
}
