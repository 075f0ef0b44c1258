using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;

namespace Governance.Storage.Registry;

/// <summary>
/// SQLite allows one writer per database file: every write transaction begins with <c>BEGIN IMMEDIATE</c> (the
/// Microsoft.Data.Sqlite default), which takes the file's write lock at once, so the whole transaction is serialized and
/// the subject and id locks have nothing left to do. Writers of this process queue on a semaphore per database instead of
/// spinning on SQLITE_BUSY; writers of other processes wait through the busy timeout.
/// </summary>
internal sealed class SqliteWriteLocks(string connectionString) : IWriteLocks
{
    private static readonly ConcurrentDictionary<string, SemaphoreSlim> Writers = new(StringComparer.Ordinal);

    private readonly SemaphoreSlim _writer = Writers.GetOrAdd(connectionString, _ => new SemaphoreSlim(1, 1));

    public async Task<IDisposable> EnterAsync(CancellationToken cancellationToken)
    {
        await _writer.WaitAsync(cancellationToken);
        return new Turn(_writer);
    }

    public Task LockSubjectAsync(DbContext db, string? subject, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task LockSchemaIdsAsync(DbContext db, CancellationToken cancellationToken) => Task.CompletedTask;

    private sealed class Turn(SemaphoreSlim writer) : IDisposable
    {
        public void Dispose() => writer.Release();
    }
}
