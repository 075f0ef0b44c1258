namespace Governance.Storage;

/// <summary>The databases Governance runs on, named as in <c>Governance:Storage:Provider</c>.</summary>
public enum StorageProvider
{
    /// <summary>An embedded SQLite file: the default, for one process.</summary>
    Sqlite,

    /// <summary>PostgreSQL: for production and for several instances sharing one database.</summary>
    PostgreSql,
}
