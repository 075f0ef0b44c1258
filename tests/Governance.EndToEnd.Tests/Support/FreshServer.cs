using Governance.TestSupport;

namespace Governance.EndToEnd.Tests.Support;

/// <summary>
/// The server as Program composes it, started before the tests of a class (or a class fixture) on a fresh SQLite
/// database of its own and stopped after them.
/// </summary>
public abstract class FreshServer(IReadOnlyDictionary<string, string?>? settings = null) : IAsyncLifetime
{
    /// <summary>Settings that keep the server's log down to warnings, for tests whose output a client script also writes.</summary>
    protected static readonly IReadOnlyDictionary<string, string?> QuietLogging =
        new Dictionary<string, string?> { ["Logging:LogLevel:Default"] = "Warning" };

    private InProcessServer<Program>? _server;

    public InProcessServer<Program> Server => _server ?? throw new InvalidOperationException("The server has not started.");

    public virtual ValueTask InitializeAsync()
    {
        _server = InProcessServer<Program>.Start(ServerStorage.FreshSqlite(), settings);
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }

        GC.SuppressFinalize(this);
    }
}
