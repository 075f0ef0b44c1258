using System.Diagnostics;
using System.Text.Json.Nodes;

namespace Governance.EndToEnd.Tests.Support;

/// <summary>Runs a script of tests/clients/js (Confluent's JavaScript client) with node against a registry.</summary>
public static class JsClientScript
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(2);

    /// <summary>Runs <paramref name="script"/> with the registry's URL as its argument; its last output line is its JSON report.</summary>
    public static async Task<JsonNode> RunAsync(string script, Uri registry)
    {
        ArgumentNullException.ThrowIfNull(registry);
        var folder = RepositoryPaths.JsClient;
        Directory.Exists(Path.Combine(folder, "node_modules", "@confluentinc", "schemaregistry"))
            .ShouldBeTrue($"Confluent's JavaScript client is not installed: run 'npm ci' in {folder} (./test.sh does)");
        var start = new ProcessStartInfo("node") { WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(script);
        start.ArgumentList.Add(registry.ToString().TrimEnd('/'));
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken).WaitAsync(Timeout, TestContext.Current.CancellationToken);
        var lines = (await stdout).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines.ShouldNotBeEmpty($"node printed nothing; stderr: {await stderr}");
        var report = JsonNode.Parse(lines[^1]) ?? throw new InvalidOperationException("node printed JSON null");
        report["error"].ShouldBeNull($"{script} failed: {report.ToJsonString()}");
        return report;
    }
}
