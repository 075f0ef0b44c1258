using System.Diagnostics;
using System.Reflection;
using Google.Protobuf.Reflection;

namespace Governance.Schemas.Protobuf.Tests;

/// <summary>Runs the protoc that ships in Grpc.Tools, the oracle our descriptors must match.</summary>
internal static class Protoc
{
    public static string ExecutablePath => Metadata("ProtocPath");

    /// <summary>Google's own copies of the well-known type files, next to protoc in Grpc.Tools.</summary>
    public static string GoogleInclude => Metadata("ProtocInclude");

    public static string CorpusDirectory => Path.Combine(AppContext.BaseDirectory, "Corpus");

    public static string BundledDirectory => Path.Combine(AppContext.BaseDirectory, "Bundled");

    /// <summary>
    /// <c>protoc --descriptor_set_out</c> for one file (no imports included, no source info), searching the corpus,
    /// Google's include folder, then our bundled files.
    /// </summary>
    public static FileDescriptorProto Describe(string importPath)
    {
        var output = Path.Combine(Path.GetTempPath(), $"protoc-{Guid.NewGuid():N}.pb");
        try
        {
            var start = new ProcessStartInfo(ExecutablePath)
            {
                RedirectStandardError = true,
                RedirectStandardOutput = true,
                UseShellExecute = false,
            };
            foreach (var argument in new[] { $"-I{CorpusDirectory}", $"-I{GoogleInclude}", $"-I{BundledDirectory}", $"--descriptor_set_out={output}", importPath })
            {
                start.ArgumentList.Add(argument);
            }

            using var process = Process.Start(start)!;
            var errors = process.StandardError.ReadToEnd();
            process.WaitForExit();
            if (process.ExitCode != 0)
            {
                throw new InvalidOperationException($"protoc failed on {importPath}: {errors}");
            }

            return FileDescriptorSet.Parser.ParseFrom(File.ReadAllBytes(output)).File.Single();
        }
        finally
        {
            File.Delete(output);
        }
    }

    /// <summary>
    /// protoc's descriptor for <paramref name="importPath"/> found first in <paramref name="directory"/> (then the corpus,
    /// Google's include folder and our bundled files), or null when protoc rejects it.
    /// </summary>
    public static FileDescriptorProto? TryDescribe(string directory, string importPath)
    {
        var output = Path.Combine(directory, "out.pb");
        var start = new ProcessStartInfo(ExecutablePath) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var argument in new[] { $"-I{directory}", $"-I{CorpusDirectory}", $"-I{GoogleInclude}", $"-I{BundledDirectory}", $"--descriptor_set_out={output}", importPath })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        process.StandardError.ReadToEnd();
        process.WaitForExit();
        return process.ExitCode == 0 ? FileDescriptorSet.Parser.ParseFrom(File.ReadAllBytes(output)).File.Single() : null;
    }

    /// <summary>protoc's error output for a file it rejects, or null when it accepts it.</summary>
    public static string? Reject(string directory, string importPath)
    {
        var start = new ProcessStartInfo(ExecutablePath) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var argument in new[] { $"-I{directory}", $"-I{GoogleInclude}", $"--descriptor_set_out={Path.Combine(directory, "out.pb")}", importPath })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var errors = process.StandardError.ReadToEnd();
        process.WaitForExit();
        return process.ExitCode == 0 ? null : errors;
    }

    private static string Metadata(string key) =>
        typeof(Protoc).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value!;
}
