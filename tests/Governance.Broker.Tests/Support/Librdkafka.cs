using Confluent.Kafka;

namespace Governance.Broker.Tests.Support;

/// <summary>
/// Points Confluent.Kafka at Debian's librdkafka (shared/ENVIRONMENT.md): the librdkafka.redist package is an empty
/// stub here, so the native library is loaded by its system name once per process.
/// </summary>
public static class Librdkafka
{
    private static readonly Lock Gate = new();
    private static bool _loaded;

    public static void EnsureLoaded()
    {
        lock (Gate)
        {
            if (!_loaded)
            {
                Library.Load("librdkafka.so.1");
                _loaded = true;
            }
        }
    }
}
