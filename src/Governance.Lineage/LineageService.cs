using Governance.Lineage.Recording;
using Governance.Lineage.Storage;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Governance.Lineage;

/// <summary>
/// Runs lineage in the background: stores the recorder's counts every <see cref="LineageOptions.FlushInterval"/>, rolls
/// minutes older than <see cref="LineageOptions.MinuteRetention"/> up into hours and deletes what is older than
/// <see cref="LineageOptions.HourRetention"/> every <see cref="LineageOptions.MaintenanceInterval"/>, and flushes once more
/// when the host stops gracefully.
/// </summary>
public sealed class LineageService(
    LineageRecorder recorder, ILineageStore store, LineageOptions options, TimeProvider time, ILogger<LineageService> logger) : BackgroundService
{
    /// <summary>Roll-up then retention, as of now.</summary>
    public async Task RunMaintenanceAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var rolled = await store.RollUpAsync(now - options.MinuteRetention, cancellationToken).ConfigureAwait(false);
        var deleted = await store.DeleteBeforeAsync(now - options.HourRetention, cancellationToken).ConfigureAwait(false);
        logger.LogDebug("Lineage maintenance: {Rolled} hour buckets written from minutes, {Deleted} buckets past retention deleted", rolled, deleted);
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken).ConfigureAwait(false);
        await recorder.FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.FlushInterval, time);
        var nextMaintenance = time.GetUtcNow();
        try
        {
            do
            {
                try
                {
                    await recorder.FlushAsync(stoppingToken).ConfigureAwait(false);
                    if (time.GetUtcNow() >= nextMaintenance)
                    {
                        await RunMaintenanceAsync(stoppingToken).ConfigureAwait(false);
                        nextMaintenance = time.GetUtcNow() + options.MaintenanceInterval;
                    }
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    logger.LogWarning(e, "Storing lineage failed; the counts stay in memory and are tried again");
                }
            }
            while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
        }
        catch (OperationCanceledException)
        {
        }
    }
}
