using System.Text.Json.Nodes;
using Governance.TestSupport;

namespace Governance.EndToEnd.Tests.Support;

/// <summary>
/// A class fixture: one server on a fresh SQLite database, and one run of a tests/clients/js script against it, whose
/// report and the server's state the tests of the class then examine.
/// </summary>
public abstract class JsClientScriptRun(string script) : IAsyncLifetime
{
    private InProcessServer<Program>? _server;
    private JsonNode? _report;

    public InProcessServer<Program> Server => _server ?? throw new InvalidOperationException("The server has not started.");

    /// <summary>The JSON the script printed.</summary>
    public JsonNode Report => _report ?? throw new InvalidOperationException($"{script} has not run.");

    public async ValueTask InitializeAsync()
    {
        _server = InProcessServer<Program>.Start(ServerStorage.FreshSqlite(), new Dictionary<string, string?> { ["Logging:LogLevel:Default"] = "Warning" });
        _report = await JsClientScript.RunAsync(script, _server.BaseAddress);
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
