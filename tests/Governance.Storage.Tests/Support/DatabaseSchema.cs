using System.Data.Common;
using Microsoft.EntityFrameworkCore;

namespace Governance.Storage.Tests.Support;

/// <summary>
/// A database's schema as sorted lines (tables, columns with type, nullability and default, keys, indexes, foreign keys),
/// read from the database's own catalog, so that two databases built differently can be compared line by line.
/// The migrations' history table is left out.
/// </summary>
public static class DatabaseSchema
{
    public static async Task<List<string>> DescribeAsync(StorageSettings settings, CancellationToken cancellationToken)
    {
        await using var db = CreateContext(settings);
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync(cancellationToken);
        var lines = settings.Provider == StorageProvider.PostgreSql
            ? await DescribePostgresAsync(connection, cancellationToken)
            : await DescribeSqliteAsync(connection, cancellationToken);
        lines.Sort(StringComparer.Ordinal);
        return lines;
    }

    public static GovernanceDbContext CreateContext(StorageSettings settings)
    {
        var options = new DbContextOptionsBuilder<GovernanceDbContext>();
        StorageServiceCollectionExtensions.Configure(options, settings);
        return new GovernanceDbContext(options.Options);
    }

    private static async Task<List<string>> DescribePostgresAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        var lines = new List<string>();
        lines.AddRange(await QueryAsync(connection, """
            SELECT 'column ' || table_name || '.' || column_name || ' ' || data_type || ' nullable=' || is_nullable
                   || ' default=' || coalesce(column_default, '-') || ' position=' || ordinal_position
            FROM information_schema.columns
            WHERE table_schema = 'public' AND table_name <> 'governance_migrations'
            """, cancellationToken));
        lines.AddRange(await QueryAsync(connection, """
            SELECT 'index ' || indexdef FROM pg_indexes
            WHERE schemaname = 'public' AND tablename <> 'governance_migrations'
            """, cancellationToken));
        lines.AddRange(await QueryAsync(connection, """
            SELECT 'constraint ' || conrelid::regclass::text || ' ' || conname || ' ' || pg_get_constraintdef(oid)
            FROM pg_constraint
            WHERE connamespace = 'public'::regnamespace AND conrelid::regclass::text <> 'governance_migrations'
            """, cancellationToken));
        return lines;
    }

    private static async Task<List<string>> DescribeSqliteAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        var lines = new List<string>();
        var tables = await QueryAsync(connection, """
            SELECT name FROM sqlite_master
            WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> 'governance_migrations'
            """, cancellationToken);
        foreach (var table in tables)
        {
            lines.Add($"table {table}");
            lines.AddRange(await QueryAsync(connection, $"""
                SELECT 'column {table}.' || name || ' ' || type || ' notnull=' || "notnull" || ' default=' || coalesce(dflt_value, '-')
                       || ' pk=' || pk || ' position=' || cid
                FROM pragma_table_info('{table}')
                """, cancellationToken));
            lines.AddRange(await QueryAsync(connection, $"""
                SELECT 'index {table} ' || il.name || ' unique=' || il."unique" || ' origin=' || il.origin || ' partial=' || il.partial
                       || ' (' || (SELECT group_concat(ii.name, ',') FROM pragma_index_info(il.name) ii) || ')'
                FROM pragma_index_list('{table}') il
                """, cancellationToken));
            lines.AddRange(await QueryAsync(connection, $"""
                SELECT 'foreign key {table}.' || "from" || ' -> ' || "table" || '.' || "to" || ' on delete ' || on_delete
                       || ' on update ' || on_update || ' seq=' || seq
                FROM pragma_foreign_key_list('{table}')
                """, cancellationToken));
        }

        return lines;
    }

    private static async Task<List<string>> QueryAsync(DbConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var lines = new List<string>();
        while (await reader.ReadAsync(cancellationToken))
        {
            lines.Add(reader.GetString(0));
        }

        return lines;
    }
}
