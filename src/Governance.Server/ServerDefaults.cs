using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace Governance.Server;

/// <summary>What the host does when nothing is configured, and how it says where it listens.</summary>
public static partial class ServerDefaults
{
    /// <summary>Confluent Schema Registry's port, on loopback only until configured otherwise.</summary>
    public const string RegistryUrl = "http://127.0.0.1:8081";

    /// <summary>One line per HTTP listener, with the address actually bound (port 0 resolved).</summary>
    public static void LogListeners(WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Governance.Server");
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        foreach (var address in addresses)
        {
            LogListening(logger, address);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Schema registry API listening on {Address}")]
    private static partial void LogListening(ILogger logger, string address);
}
