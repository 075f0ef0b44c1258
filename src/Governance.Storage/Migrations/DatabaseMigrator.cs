using System.Data.Common;
using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Governance.Storage.Migrations;

/// <summary>
/// Applies the hand-written SQL scripts embedded from <c>migrations/&lt;provider&gt;/</c> in file-name order, each in its
/// own transaction together with its row in the history table <c>governance_migrations</c>, skipping those already
/// recorded. On PostgreSQL a session advisory lock makes processes that start at once take turns; on SQLite each script
/// runs under <c>BEGIN IMMEDIATE</c>, and the history is read again inside it.
/// </summary>
public sealed class DatabaseMigrator(IDbContextFactory<GovernanceDbContext> contexts, StorageSettings settings, ILogger<DatabaseMigrator> logger)
{
    /// <summary>The advisory lock key migrators share (any constant no other lock of this database uses).</summary>
    private const long MigrationLockKey = 0x5347_0000_0000_0001;

    private const string HistoryTable = "governance_migrations";

    /// <summary>The scripts for this provider, by name (<c>0001_registry.sql</c>...), in the order they apply.</summary>
    public IReadOnlyList<(string Name, string Sql)> Scripts
    {
        get
        {
            var assembly = typeof(DatabaseMigrator).Assembly;
            var prefix = $"migrations/{settings.MigrationsFolder}/";
            return
            [
                .. assembly.GetManifestResourceNames()
                    .Where(name => name.StartsWith(prefix, StringComparison.Ordinal) && name.EndsWith(".sql", StringComparison.Ordinal))
                    .Order(StringComparer.Ordinal)
                    .Select(name => (name[prefix.Length..], Read(assembly, name))),
            ];
        }
    }

    /// <summary>Applies every pending script; returns the names of those this call applied.</summary>
    public async Task<IReadOnlyList<string>> MigrateAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync(cancellationToken);
        var postgres = settings.Provider == StorageProvider.PostgreSql;
        if (postgres)
        {
            await ExecuteAsync(connection, null, $"SELECT pg_advisory_lock({MigrationLockKey})", cancellationToken);
        }
        else
        {
            // WAL lets readers go on while the one writer writes; it cannot change inside a transaction.
            await ExecuteAsync(connection, null, "PRAGMA journal_mode=WAL", cancellationToken);
        }

        try
        {
            await ExecuteAsync(connection, null, $"CREATE TABLE IF NOT EXISTS {HistoryTable} (name text NOT NULL PRIMARY KEY, applied_at text NOT NULL)", cancellationToken);
            var applied = new List<string>();
            foreach (var (name, sql) in Scripts)
            {
                await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
                if (await IsAppliedAsync(connection, transaction, name, cancellationToken))
                {
                    continue;
                }

                await ExecuteAsync(connection, transaction, sql, cancellationToken);
                await using (var record = connection.CreateCommand())
                {
                    record.Transaction = transaction;
                    record.CommandText = $"INSERT INTO {HistoryTable} (name, applied_at) VALUES (@name, @appliedAt)";
                    AddParameter(record, "@name", name);
                    AddParameter(record, "@appliedAt", DateTimeOffset.UtcNow.ToString("O", System.Globalization.CultureInfo.InvariantCulture));
                    await record.ExecuteNonQueryAsync(cancellationToken);
                }

                await transaction.CommitAsync(cancellationToken);
                logger.LogInformation("Applied migration {Migration} ({Provider})", name, settings.MigrationsFolder);
                applied.Add(name);
            }

            return applied;
        }
        finally
        {
            if (postgres)
            {
                await ExecuteAsync(connection, null, $"SELECT pg_advisory_unlock({MigrationLockKey})", CancellationToken.None);
            }

            await connection.CloseAsync();
        }
    }

    private static async Task<bool> IsAppliedAsync(DbConnection connection, DbTransaction transaction, string name, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"SELECT COUNT(*) FROM {HistoryTable} WHERE name = @name";
        AddParameter(command, "@name", name);
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture) > 0;
    }

    private static async Task ExecuteAsync(DbConnection connection, DbTransaction? transaction, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static void AddParameter(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }

    private static string Read(Assembly assembly, string resource)
    {
        using var stream = assembly.GetManifestResourceStream(resource)!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
