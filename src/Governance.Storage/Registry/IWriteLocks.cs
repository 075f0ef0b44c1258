using Microsoft.EntityFrameworkCore;

namespace Governance.Storage.Registry;

/// <summary>
/// How one provider keeps concurrent writers correct: a subject's lock, then the schema id lock, always in that order,
/// each held until the transaction ends.
/// </summary>
internal interface IWriteLocks
{
    /// <summary>Waits for this process's turn to write, before the transaction begins. Disposing ends the turn.</summary>
    Task<IDisposable> EnterAsync(CancellationToken cancellationToken);

    /// <summary>Locks the subject (or, for null, the registry-wide settings) in the open transaction.</summary>
    Task LockSubjectAsync(DbContext db, string? subject, CancellationToken cancellationToken);

    /// <summary>Locks schema id allocation in the open transaction.</summary>
    Task LockSchemaIdsAsync(DbContext db, CancellationToken cancellationToken);
}
