using System.Globalization;

namespace Governance.Bench.Registry;

/// <summary>What to run, from <c>--name value</c> arguments.</summary>
public sealed record BenchOptions(int Clients, TimeSpan Duration, TimeSpan Warmup, int Samples, bool Postgres)
{
    public static BenchOptions Parse(string[] args)
    {
        var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            values[args[i].TrimStart('-')] = args[i + 1];
        }

        int Number(string name, int fallback) => values.TryGetValue(name, out var text) ? int.Parse(text, CultureInfo.InvariantCulture) : fallback;
        return new BenchOptions(
            Clients: Number("clients", 16),
            Duration: TimeSpan.FromSeconds(Number("seconds", 10)),
            Warmup: TimeSpan.FromSeconds(Number("warmup", 3)),
            Samples: Number("samples", 200),
            Postgres: !values.TryGetValue("postgres", out var postgres) || postgres != "off");
    }

    public static string Usage =>
        "Options: --clients 16 --seconds 10 --warmup 3 --samples 200 --postgres on|off";
}
