using Microsoft.EntityFrameworkCore;

namespace Governance.Storage;

/// <summary>For <c>/health/ready</c>: whether the database answers a query on the registry's tables.</summary>
public sealed class DatabaseReadiness(IDbContextFactory<GovernanceDbContext> contexts)
{
    /// <returns>Null when ready; otherwise why not, without secrets (no connection string).</returns>
    public async Task<string?> CheckAsync(CancellationToken cancellationToken)
    {
        try
        {
            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            await db.Modes.AsNoTracking().AnyAsync(cancellationToken);
            return null;
        }
        catch (Exception e) when (e is System.Data.Common.DbException or InvalidOperationException or TimeoutException)
        {
            return $"database not ready: {e.GetType().Name}: {e.Message}";
        }
    }
}
