using System.Diagnostics;

namespace Governance.Bench.Broker;

/// <summary>
/// A target broker in a child process of this program (<c>serve</c> or <c>mock</c>): the clients measured in this
/// process then share neither its garbage collector nor its threads, as in a deployment where producers and
/// consumers run apart from the broker. The child prints <c>LISTENING bootstrap</c> and lives until its standard
/// input closes.
/// </summary>
internal sealed class TargetProcess : IDisposable
{
    private readonly Process _process;

    private TargetProcess(Process process, string bootstrapServers)
    {
        _process = process;
        BootstrapServers = bootstrapServers;
    }

    public string BootstrapServers { get; }

    /// <summary>The processor time the target has used so far (user and system).</summary>
    public TimeSpan ProcessorTime
    {
        get
        {
            _process.Refresh();
            return _process.TotalProcessorTime;
        }
    }

    public static TargetProcess Start(params string[] arguments)
    {
        var start = new ProcessStartInfo(Environment.ProcessPath!)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        // Under "dotnet program.dll" the process path is dotnet itself and the program comes first.
        if (Path.GetFileNameWithoutExtension(Environment.ProcessPath) == "dotnet")
        {
            start.ArgumentList.Add(typeof(TargetProcess).Assembly.Location);
        }
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        var process = Process.Start(start) ?? throw new InvalidOperationException("the target process did not start");
        while (process.StandardOutput.ReadLine() is { } line)
        {
            if (line.StartsWith("LISTENING ", StringComparison.Ordinal))
            {
                return new TargetProcess(process, line["LISTENING ".Length..]);
            }
        }
        throw new InvalidOperationException($"the target process ({string.Join(' ', arguments)}) exited before listening");
    }

    public void Dispose()
    {
        _process.StandardInput.Close();
        if (!_process.WaitForExit(TimeSpan.FromSeconds(30)))
        {
            _process.Kill(entireProcessTree: true);
        }
        _process.Dispose();
    }
}
