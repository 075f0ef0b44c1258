using System.Globalization;
using Governance.Broker.Log;
using Microsoft.Extensions.Configuration;

namespace Governance.Broker.Hosting;

/// <summary>
/// Reads <see cref="BrokerOptions"/> from a configuration section, naming the key and the value when one is wrong
/// rather than silently falling back to a default.
/// </summary>
public static class BrokerOptionsReader
{
    public static BrokerOptions Read(IConfiguration configuration)
    {
        var section = configuration.GetSection(BrokerOptions.SectionName);
        var defaults = new BrokerOptions();
        return new BrokerOptions
        {
            Enabled = Parse(section, nameof(BrokerOptions.Enabled), defaults.Enabled, bool.Parse),
            Listener = section[nameof(BrokerOptions.Listener)] ?? defaults.Listener,
            AdvertisedHost = section[nameof(BrokerOptions.AdvertisedHost)],
            AdvertisedPort = section[nameof(BrokerOptions.AdvertisedPort)] is { } port ? ParseInt(nameof(BrokerOptions.AdvertisedPort), port) : null,
            DataDirectory = section[nameof(BrokerOptions.DataDirectory)] ?? defaults.DataDirectory,
            DefaultPartitions = Parse(section, nameof(BrokerOptions.DefaultPartitions), defaults.DefaultPartitions, v => ParseInt(nameof(BrokerOptions.DefaultPartitions), v)),
            AutoCreateTopics = Parse(section, nameof(BrokerOptions.AutoCreateTopics), defaults.AutoCreateTopics, bool.Parse),
            FlushMode = Parse(section, nameof(BrokerOptions.FlushMode), defaults.FlushMode, v => Enum.Parse<FlushMode>(v, ignoreCase: true)),
            FlushIntervalMs = Parse(section, nameof(BrokerOptions.FlushIntervalMs), defaults.FlushIntervalMs, v => ParseInt(nameof(BrokerOptions.FlushIntervalMs), v)),
            ActivityHandOverMs = Parse(section, nameof(BrokerOptions.ActivityHandOverMs), defaults.ActivityHandOverMs, v => ParseInt(nameof(BrokerOptions.ActivityHandOverMs), v)),
            GroupInitialRebalanceDelayMs = Parse(section, nameof(BrokerOptions.GroupInitialRebalanceDelayMs), defaults.GroupInitialRebalanceDelayMs, v => ParseInt(nameof(BrokerOptions.GroupInitialRebalanceDelayMs), v)),
            FetchPartitionMaxBytes = Parse(section, nameof(BrokerOptions.FetchPartitionMaxBytes), defaults.FetchPartitionMaxBytes, v => ParsePositive(nameof(BrokerOptions.FetchPartitionMaxBytes), v)),
            FetchMaxBytes = Parse(section, nameof(BrokerOptions.FetchMaxBytes), defaults.FetchMaxBytes, v => ParsePositive(nameof(BrokerOptions.FetchMaxBytes), v)),
            MaxFrameBytes = Parse(section, nameof(BrokerOptions.MaxFrameBytes), defaults.MaxFrameBytes, v => ParseInt(nameof(BrokerOptions.MaxFrameBytes), v)),
        };
    }

    private static T Parse<T>(IConfigurationSection section, string key, T fallback, Func<string, T> parse)
    {
        var raw = section[key];
        if (raw is null)
        {
            return fallback;
        }
        try
        {
            return parse(raw);
        }
        catch (FormatException)
        {
            throw new InvalidOperationException($"{BrokerOptions.SectionName}:{key} has the invalid value '{raw}'.");
        }
        catch (ArgumentException)
        {
            throw new InvalidOperationException($"{BrokerOptions.SectionName}:{key} has the invalid value '{raw}'.");
        }
    }

    private static int ParsePositive(string key, string raw) =>
        ParseInt(key, raw) is var value and > 0
            ? value
            : throw new InvalidOperationException($"{BrokerOptions.SectionName}:{key} must be at least 1, not '{raw}'.");

    private static int ParseInt(string key, string raw) =>
        int.TryParse(raw, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new InvalidOperationException($"{BrokerOptions.SectionName}:{key} must be a whole number, not '{raw}'.");
}
