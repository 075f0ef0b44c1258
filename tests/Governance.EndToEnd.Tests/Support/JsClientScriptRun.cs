using System.Text.Json.Nodes;

namespace Governance.EndToEnd.Tests.Support;

/// <summary>
/// A class fixture: one server on a fresh SQLite database, and one run of a tests/clients/js script against it, whose
/// report and the server's state the tests of the class then examine.
/// </summary>
public abstract class JsClientScriptRun(string script) : FreshServer(QuietLogging)
{
    private JsonNode? _report;

    /// <summary>The JSON the script printed.</summary>
    public JsonNode Report => _report ?? throw new InvalidOperationException($"{script} has not run.");

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        _report = await JsClientScript.RunAsync(script, Server.BaseAddress);
    }
}
