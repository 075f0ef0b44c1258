namespace Governance.Registry.Storage;

/// <summary>
/// The registry's storage port. Every operation runs inside one transaction handed to <c>work</c>; a write first takes the
/// subject's lock, so that reading the subject's versions, checking compatibility and inserting the new version cannot
/// interleave with another writer of the same subject (in this process or another one on the same database).
/// </summary>
public interface IRegistryStore
{
    /// <summary>Runs <paramref name="work"/> in a read-only transaction.</summary>
    Task<T> ReadAsync<T>(Func<IRegistryTransaction, Task<T>> work, CancellationToken cancellationToken);

    /// <summary>
    /// Runs <paramref name="work"/> in a write transaction holding the lock of <paramref name="subject"/> (or the
    /// registry-wide lock when null) until it commits. Any exception rolls the transaction back.
    /// </summary>
    Task<T> WriteAsync<T>(string? subject, Func<IRegistryTransaction, Task<T>> work, CancellationToken cancellationToken);
}
