namespace Governance.Broker.Producers;

/// <summary>
/// Hands out producer ids for InitProducerId (KIP-98 idempotent producers). Ids are never reused, even across restarts:
/// the manager reserves blocks of ids and persists the end of the current block (<c>producer-ids.json</c>) before
/// handing out any id from it, as Kafka's ProducerIdManager does with its ZooKeeper/KRaft blocks.
/// </summary>
public sealed class ProducerIdManager
{
    /// <param name="dataDirectory">The broker's data directory; the reservation file lives there.</param>
    public ProducerIdManager(string dataDirectory)
    {
        throw new NotImplementedException();
    }

    /// <summary>
    /// InitProducerId without a transactional id: always a fresh producer id with epoch 0 (as Kafka's TransactionCoordinator
    /// does for idempotent producers). Transactions are not supported: a transactional id gets
    /// TRANSACTIONAL_ID_AUTHORIZATION_FAILED with a message saying so.
    /// </summary>
    public InitProducerIdResult InitProducerId(string? transactionalId)
    {
        throw new NotImplementedException();
    }
}
