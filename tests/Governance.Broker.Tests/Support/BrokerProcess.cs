using System.Diagnostics;

namespace Governance.Broker.Tests.Support;

/// <summary>
/// The broker in a child process (<c>Governance.Bench.Broker serve</c>), so that a test can kill it with SIGKILL and
/// start it again on the same data directory. The program is built (incrementally) in the test's configuration first.
/// </summary>
public sealed class BrokerProcess : IDisposable
{
    /// <summary>Built once per test run.</summary>
    private static readonly Lazy<Task<string>> Program = new(() => BuildProgramAsync(CancellationToken.None));

    private readonly Process _process;

    private BrokerProcess(Process process, string bootstrapServers)
    {
        _process = process;
        BootstrapServers = bootstrapServers;
    }

    public string BootstrapServers { get; }

    public static async Task<BrokerProcess> StartAsync(string dataDirectory, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = false,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { await Program.Value.WaitAsync(cancellationToken), "serve", "127.0.0.1:0", dataDirectory })
        {
            start.ArgumentList.Add(argument);
        }
        var process = Process.Start(start) ?? throw new InvalidOperationException("the broker process did not start");
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(60));
        while (await process.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
        {
            if (line.StartsWith("LISTENING ", StringComparison.Ordinal))
            {
                return new BrokerProcess(process, line["LISTENING ".Length..]);
            }
        }
        throw new InvalidOperationException($"the broker process exited with {process.ExitCode} before listening");
    }

    /// <summary>SIGKILL: no shutdown code runs, exactly like kill -9.</summary>
    public void Kill()
    {
        _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.StandardInput.Close();
            if (!_process.WaitForExit(TimeSpan.FromSeconds(10)))
            {
                Kill();
            }
        }
        _process.Dispose();
    }

    private static async Task<string> BuildProgramAsync(CancellationToken cancellationToken)
    {
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "Governance.sln")))
        {
            root = root.Parent;
        }
        if (root is null)
        {
            throw new InvalidOperationException($"no Governance.sln above {AppContext.BaseDirectory}");
        }
        var configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
            ? "Release"
            : "Debug";
        var project = Path.Combine(root.FullName, "bench", "Governance.Bench.Broker");
        var program = Path.Combine(project, "bin", configuration, "net10.0", "Governance.Bench.Broker.dll");
        // Always build (incrementally): a stale program would test yesterday's broker.
        using var build = Process.Start(new ProcessStartInfo("dotnet", ["build", project, "-c", configuration, "-nologo", "-v", "quiet"])
        {
            RedirectStandardOutput = true,
            UseShellExecute = false,
        })!;
        var output = await build.StandardOutput.ReadToEndAsync(cancellationToken);
        await build.WaitForExitAsync(cancellationToken);
        return build.ExitCode == 0 ? program : throw new InvalidOperationException($"building {project} failed: {output}");
    }
}
