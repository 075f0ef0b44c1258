using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;

namespace Governance.Storage.Registry;

/// <summary>
/// PostgreSQL transaction-level advisory locks (<c>pg_advisory_xact_lock(int, int)</c>), released at commit or rollback,
/// so they hold across every instance on the database. The first key is the lock's kind, the second a stable hash of the
/// subject (two subjects sharing a hash only wait for each other, which is safe).
/// </summary>
internal sealed class PostgresWriteLocks : IWriteLocks
{
    private const int SubjectLockKind = 0x5347_0001;
    private const int SchemaIdLockKind = 0x5347_0002;

    public Task<IDisposable> EnterAsync(CancellationToken cancellationToken) => Task.FromResult<IDisposable>(NoTurn.Instance);

    public Task LockSubjectAsync(DbContext db, string? subject, CancellationToken cancellationToken) =>
        db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({SubjectLockKind}, {SubjectKey(subject)})", cancellationToken);

    public Task LockSchemaIdsAsync(DbContext db, CancellationToken cancellationToken) =>
        db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({SchemaIdLockKind}, 0)", cancellationToken);

    /// <summary>The first four bytes of SHA-256 of the name: the same in every process, unlike string.GetHashCode.</summary>
    private static int SubjectKey(string? subject) =>
        subject is null ? 0 : BitConverter.ToInt32(SHA256.HashData(Encoding.UTF8.GetBytes(subject)), 0);

    private sealed class NoTurn : IDisposable
    {
        public static readonly NoTurn Instance = new();

        public void Dispose()
        {
        }
    }
}
