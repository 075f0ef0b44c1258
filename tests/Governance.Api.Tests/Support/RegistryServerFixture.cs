using Governance.TestSupport;
using Xunit;

namespace Governance.Api.Tests.Support;

/// <summary>
/// One server, in this process over real HTTP, with a fresh database, shared by the tests of one class. The concrete
/// fixtures choose the storage, so that every API test class runs once on SQLite and once on PostgreSQL.
/// </summary>
public abstract class RegistryServerFixture : IAsyncLifetime
{
    /// <summary>Small enough that a test can exceed it cheaply.</summary>
    public const int MaxRequestBodyBytes = 64 * 1024;

    private InProcessServer<Program>? _server;

    public InProcessServer<Program> Server => _server ?? throw new InvalidOperationException("The server has not started.");

    /// <summary>A client that sends no Accept header, as curl does.</summary>
    public RegistryClient Client { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        var storage = await CreateStorageAsync();
        _server = InProcessServer<Program>.Start(storage, new Dictionary<string, string?>
        {
            ["Governance:Api:MaxRequestBodyBytes"] = MaxRequestBodyBytes.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Logging:LogLevel:Default"] = "Warning",
        });
        Client = new RegistryClient(_server.CreateClient());
    }

    public async ValueTask DisposeAsync()
    {
        Client?.Dispose();
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }

        GC.SuppressFinalize(this);
    }

    protected abstract Task<ServerStorage> CreateStorageAsync();
}

public sealed class SqliteRegistryServer : RegistryServerFixture
{
    protected override Task<ServerStorage> CreateStorageAsync() => Task.FromResult(ServerStorage.FreshSqlite());
}

public sealed class PostgresRegistryServer(PostgresServer postgres) : RegistryServerFixture
{
    protected override async Task<ServerStorage> CreateStorageAsync() => ServerStorage.Postgres(await postgres.CreateDatabaseAsync());
}
