using System.Globalization;
using Governance.Broker.Log;
using Governance.Kafka.Protocol;

namespace Governance.Broker.Producers;

/// <summary>
/// Hands out producer ids for InitProducerId (KIP-98 idempotent producers). Ids are never reused, even across restarts:
/// the manager reserves blocks of ids and persists the end of the current block (<c>producer-ids</c>) before handing out
/// any id from it, as Kafka's ProducerIdManager does with its controller-allocated blocks; a restart continues after the
/// reserved block, skipping the ids the previous run did not use.
/// </summary>
public sealed class ProducerIdManager
{
    /// <summary>Ids reserved per write of the reservation file.</summary>
    public const int BlockSize = 1000;

    private readonly string _path;
    private readonly Lock _lock = new();
    private long _nextId;
    private long _blockEnd;

    /// <param name="dataDirectory">The broker's data directory; the reservation file lives there.</param>
    public ProducerIdManager(string dataDirectory)
    {
        Directory.CreateDirectory(dataDirectory);
        _path = Path.Combine(dataDirectory, "producer-ids");
        _blockEnd = File.Exists(_path) && long.TryParse(File.ReadAllText(_path).Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var reserved)
            ? reserved
            : 0;
        _nextId = _blockEnd;
    }

    /// <summary>
    /// InitProducerId without a transactional id: always a fresh producer id with epoch 0 (as Kafka's TransactionCoordinator
    /// does for idempotent producers). Transactions are not supported: a transactional id gets
    /// TRANSACTIONAL_ID_AUTHORIZATION_FAILED with a message saying so.
    /// </summary>
    public InitProducerIdResult InitProducerId(string? transactionalId)
    {
        if (transactionalId is not null)
        {
            return new InitProducerIdResult(
                ErrorCode.TransactionalIdAuthorizationFailed,
                -1,
                -1,
                $"Transactions are not supported by this broker (transactional.id '{transactionalId}'); use an idempotent producer without transactional.id.");
        }

        lock (_lock)
        {
            if (_nextId >= _blockEnd)
            {
                Reserve(_nextId + BlockSize);
            }

            return new InitProducerIdResult(ErrorCode.None, _nextId++, 0);
        }
    }

    // Persist the new block end before any id of the block is handed out.
    private void Reserve(long blockEnd)
    {
        AtomicFile.Write(_path, System.Text.Encoding.ASCII.GetBytes(blockEnd.ToString(CultureInfo.InvariantCulture)));
        _blockEnd = blockEnd;
    }
}
