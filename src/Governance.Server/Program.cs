using Governance.Api;
using Governance.Api.Broker;
using Governance.Broker.Hosting;
using Governance.Api.Lineage;
using Governance.Broker.Validation;
using Governance.Lineage;
using Governance.Server;
using Governance.Server.Composition;
using Governance.Server.Metrics;
using Governance.Storage;

// The one host (shared/DESIGN.md). With no configuration: the registry API on http://127.0.0.1:8081 over a SQLite
// file under ./data. Configuration: appsettings.json, Governance__... environment variables, the command line.
// appsettings.json is read from beside the binary; ./data stays relative to the working directory.
var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
if (string.IsNullOrEmpty(builder.Configuration[WebHostDefaults.ServerUrlsKey]))
{
    builder.WebHost.UseUrls(ServerDefaults.RegistryUrl);
}

builder.Logging.AddFilter("Microsoft.Hosting.Lifetime", LogLevel.Warning);

builder.Services.AddGovernanceStorage(builder.Configuration);
builder.Services.AddSchemaFormats(builder.Configuration);
builder.Services.AddRegistryApi(builder.Configuration);
builder.Services.AddPrometheusMetrics();
builder.Services.AddHealthEndpoints();

// The broker core (Kafka protocol on 127.0.0.1:9092 unless Governance:Broker says otherwise), validating produced
// records against the registry in-process.
builder.Services.AddSingleton<ISchemaRegistryLookup, RegistrySchemaLookup>();
// Lineage before the broker: hosted services stop in reverse order, so lineage stores the broker's last hand-over.
builder.Services.AddGovernanceLineage(builder.Configuration);
builder.Services.AddGovernanceBroker(builder.Configuration);

var app = builder.Build();

app.UseRegistryErrors();
app.MapHealthEndpoints();
app.MapPrometheusMetrics();
app.MapRegistryApi();
app.MapBrokerApi();
app.MapLineageApi();

app.Lifetime.ApplicationStarted.Register(() => ServerDefaults.LogListeners(app));
app.Run();

/// <summary>Visible to tests, which start this host in-process.</summary>
public partial class Program;
