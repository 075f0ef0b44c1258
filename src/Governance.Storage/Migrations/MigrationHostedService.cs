using Microsoft.Extensions.Hosting;

namespace Governance.Storage.Migrations;

/// <summary>Brings the database up to date when the host starts, before it serves requests.</summary>
internal sealed class MigrationHostedService(DatabaseMigrator migrator) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => migrator.MigrateAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
