using Governance.Registry.Storage;
using Microsoft.EntityFrameworkCore;

namespace Governance.Storage.Registry;

/// <summary>
/// The registry's storage port over EF Core. Reads run without a transaction (every row they read is either immutable or
/// read once); writes run in one database transaction that first takes the subject's lock (see <see cref="IWriteLocks"/>).
/// </summary>
internal sealed class EfRegistryStore(IDbContextFactory<GovernanceDbContext> contexts, IWriteLocks locks) : IRegistryStore
{
    public async Task<T> ReadAsync<T>(Func<IRegistryTransaction, Task<T>> work, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await work(new EfRegistryTransaction(db, locks));
    }

    public async Task<T> WriteAsync<T>(string? subject, Func<IRegistryTransaction, Task<T>> work, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        using var turn = await locks.EnterAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await locks.LockSubjectAsync(db, subject, cancellationToken);
        var result = await work(new EfRegistryTransaction(db, locks));
        await transaction.CommitAsync(cancellationToken);
        return result;
    }
}
