namespace Governance.TestSupport;

/// <summary>The storage a test server runs on, as the configuration settings that select it.</summary>
public sealed record ServerStorage(string Name, IReadOnlyDictionary<string, string?> Settings)
{
    /// <summary>A fresh SQLite file in its own temporary folder.</summary>
    public static ServerStorage FreshSqlite()
    {
        var directory = Directory.CreateTempSubdirectory("governance-sqlite-");
        return new ServerStorage("sqlite", new Dictionary<string, string?>
        {
            ["Governance:Storage:Provider"] = "sqlite",
            ["ConnectionStrings:Governance"] = $"Data Source={Path.Combine(directory.FullName, "registry.db")}",
        });
    }

    /// <summary>A PostgreSQL database, given by its connection string (e.g. a fresh one from <see cref="PostgresServer"/>).</summary>
    public static ServerStorage Postgres(string connectionString) =>
        new("postgresql", new Dictionary<string, string?>
        {
            ["Governance:Storage:Provider"] = "postgresql",
            ["ConnectionStrings:Governance"] = connectionString,
        });

    public override string ToString() => Name;
}
