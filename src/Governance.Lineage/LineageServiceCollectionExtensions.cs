using Governance.Broker.Activity;
using Governance.Lineage.Graph;
using Governance.Lineage.Recording;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Governance.Lineage;

public static class LineageServiceCollectionExtensions
{
    /// <summary>
    /// Registers lineage from <c>Governance:Lineage</c> (<c>FlushInterval</c>, <c>MinuteRetention</c>, <c>HourRetention</c>,
    /// <c>MaintenanceInterval</c> as <c>d.hh:mm:ss</c>): the recorder as the broker's <see cref="IBrokerActivitySink"/>,
    /// <see cref="ILineageQuery"/> and the background <see cref="LineageService"/>. Register it before the broker so that
    /// it stops after the broker's last hand-over. The host registers the <see cref="Storage.ILineageStore"/>.
    /// </summary>
    public static IServiceCollection AddGovernanceLineage(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection(LineageOptions.SectionName);
        var defaults = new LineageOptions();
        var options = new LineageOptions
        {
            FlushInterval = Read(section, nameof(LineageOptions.FlushInterval), defaults.FlushInterval),
            MinuteRetention = Read(section, nameof(LineageOptions.MinuteRetention), defaults.MinuteRetention),
            HourRetention = Read(section, nameof(LineageOptions.HourRetention), defaults.HourRetention),
            MaintenanceInterval = Read(section, nameof(LineageOptions.MaintenanceInterval), defaults.MaintenanceInterval),
        };
        services.AddSingleton(options);
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(sp => new LineageRecorder(sp.GetRequiredService<Storage.ILineageStore>(), sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<IBrokerActivitySink>(sp => sp.GetRequiredService<LineageRecorder>());
        services.AddSingleton<ILineageQuery, LineageQuery>();
        services.AddSingleton<LineageService>();
        services.AddHostedService(sp => sp.GetRequiredService<LineageService>());
        return services;
    }

    private static TimeSpan Read(IConfigurationSection section, string key, TimeSpan fallback)
    {
        var raw = section[key];
        if (string.IsNullOrWhiteSpace(raw))
        {
            return fallback;
        }

        return TimeSpan.TryParse(raw, System.Globalization.CultureInfo.InvariantCulture, out var value) && value > TimeSpan.Zero
            ? value
            : throw new InvalidOperationException($"{LineageOptions.SectionName}:{key} must be a positive duration (d.hh:mm:ss), not '{raw}'.");
    }
}
