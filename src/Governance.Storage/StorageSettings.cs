namespace Governance.Storage;

/// <summary>Which database to use and how to reach it, as read from configuration by <see cref="StorageServiceCollectionExtensions"/>.</summary>
public sealed record StorageSettings(StorageProvider Provider, string ConnectionString)
{
    /// <summary>The folder of <c>migrations/</c> holding this provider's scripts.</summary>
    public string MigrationsFolder => Provider == StorageProvider.PostgreSql ? "postgresql" : "sqlite";
}
