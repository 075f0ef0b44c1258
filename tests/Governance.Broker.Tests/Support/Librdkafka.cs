using System.Diagnostics;
using System.Runtime.InteropServices;
using Confluent.Kafka;

namespace Governance.Broker.Tests.Support;

/// <summary>
/// Makes Confluent.Kafka 2.15 run over Debian's librdkafka 2.0.2 (shared/ENVIRONMENT.md: librdkafka.redist is an empty
/// stub here). The .NET client calls three functions that librdkafka only gained in 2.1.0 (KIP-320 leader epochs) on
/// every consumed message and offset list; 2.0.2 lacks them, so consuming would fail with EntryPointNotFoundException.
/// A tiny shared library compiled with the system's C compiler defines them as "epoch unknown" (-1, as librdkafka does
/// for brokers without leader epochs) and pulls in librdkafka.so.1 for everything else; "librdkafka" resolves to it.
/// </summary>
public static class Librdkafka
{
    private const string ShimSource = """
        #include <stdint.h>
        typedef struct rd_kafka_message_s rd_kafka_message_t;
        typedef struct rd_kafka_topic_partition_s rd_kafka_topic_partition_t;
        int32_t rd_kafka_message_leader_epoch(const rd_kafka_message_t *m) { (void)m; return -1; }
        int32_t rd_kafka_topic_partition_get_leader_epoch(const rd_kafka_topic_partition_t *p) { (void)p; return -1; }
        void rd_kafka_topic_partition_set_leader_epoch(rd_kafka_topic_partition_t *p, int32_t e) { (void)p; (void)e; }
        """;

    private static readonly Lazy<IntPtr> Handle = new(Load);

    /// <summary>Installs the resolver (once per process); call before the first Confluent.Kafka client is built.</summary>
    public static void EnsureLoaded()
    {
        _ = Handle.Value;
    }

    private static IntPtr Load()
    {
        var system = NativeLibrary.Load("librdkafka.so.1");
        var handle = NativeLibrary.TryGetExport(system, "rd_kafka_message_leader_epoch", out _) ? system : LoadShim();
        NativeLibrary.SetDllImportResolver(typeof(Library).Assembly, (name, _, _) => name == "librdkafka" ? handle : IntPtr.Zero);
        return handle;
    }

    private static IntPtr LoadShim()
    {
        var directory = Path.Combine(Path.GetTempPath(), "governance-librdkafka-shim");
        Directory.CreateDirectory(directory);
        var source = Path.Combine(directory, "shim.c");
        var library = Path.Combine(directory, $"librdkafka-shim-{Environment.ProcessId}.so");
        File.WriteAllText(source, ShimSource);
        var compile = new ProcessStartInfo("cc") { RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[] { "-shared", "-fPIC", "-o", library, source, "-Wl,--no-as-needed", "-l:librdkafka.so.1" })
        {
            compile.ArgumentList.Add(argument);
        }
        using var process = Process.Start(compile) ?? throw new InvalidOperationException("cannot start cc");
        var errors = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"compiling the librdkafka leader-epoch shim failed: {errors}");
        }
        return NativeLibrary.Load(library);
    }
}
