using System.Diagnostics;
using Shouldly;

namespace Governance.EndToEnd.Tests.Support;

/// <summary>Runs Debian's kcat (a librdkafka client) with the given arguments and standard input; fails the test unless it exits 0.</summary>
public static class Kcat
{
    public static async Task RunAsync(string[] arguments, string? input, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo("kcat") { RedirectStandardInput = true, RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var errors = process.StandardError.ReadToEndAsync(cancellationToken);
        _ = process.StandardOutput.ReadToEndAsync(cancellationToken);
        await process.StandardInput.WriteAsync(input ?? "");
        process.StandardInput.Close();
        await process.WaitForExitAsync(cancellationToken);
        process.ExitCode.ShouldBe(0, await errors);
    }
}
