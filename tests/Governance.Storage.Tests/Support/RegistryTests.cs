using Governance.Registry;
using Governance.TestSupport;

namespace Governance.Storage.Tests.Support;

/// <summary>
/// The base of the registry's storage tests: each test starts its own registry host on a fresh database of the provider
/// its <see cref="BothDatabasesAttribute"/> or inline data names, SQLite or the shared PostgreSQL server.
/// </summary>
public abstract class RegistryTests(PostgresServer postgres)
{
    protected static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>A registry host on a fresh database of <paramref name="provider"/> ("sqlite" or "postgresql").</summary>
    protected Task<RegistryHost> StartAsync(string provider, RegistryOptions? options = null) =>
        RegistryHost.StartAsync(provider, postgres, options);

    /// <summary>A fresh, empty database of <paramref name="provider"/>, for tests that start several hosts on one.</summary>
    protected Task<StorageSettings> CreateDatabaseAsync(string provider) => RegistryHost.CreateDatabaseAsync(provider, postgres);
}
