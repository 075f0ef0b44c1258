using System.Net;
using System.Text.Json;
using Governance.Api.Broker;
using Governance.Broker.Hosting;
using Governance.EndToEnd.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using Xunit;

namespace Governance.EndToEnd.Tests;

/// <summary>
/// The broker hosted as the server hosts it (<c>AddGovernanceBroker</c> + <c>MapBrokerApi</c>) in a web host
/// of the test's own, driven by kcat, and its topics read back over HTTP.
/// </summary>
public sealed class BrokerHostingTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Kcat_traffic_shows_up_in_the_topics_endpoint()
    {
        var dataDirectory = Path.Combine(Path.GetTempPath(), "governance-e2e-broker-" + Guid.NewGuid().ToString("N"));
        await using var app = await StartAsync(new()
        {
            ["Governance:Broker:Listener"] = "127.0.0.1:0",
            ["Governance:Broker:DataDirectory"] = dataDirectory,
            ["Governance:Broker:DefaultPartitions"] = "2",
        });
        var broker = app.Services.GetRequiredService<BrokerServer>();
        var bootstrap = $"127.0.0.1:{broker.LocalEndPoint.Port}";

        await Kcat.RunAsync(["-b", bootstrap, "-P", "-t", "clicks", "-K", ":", "-X", "client.id=click-tracker"], "a:1\nb:2\nc:3\n", Token);
        using var http = new HttpClient { BaseAddress = new Uri(Address(app)) };
        using var topics = JsonDocument.Parse(await http.GetStringAsync("/v1/broker/topics", Token));

        var clicks = topics.RootElement.EnumerateArray().Single(t => t.GetProperty("name").GetString() == "clicks");
        clicks.GetProperty("partitions").EnumerateArray().Sum(p => p.GetProperty("highWatermark").GetInt64()).ShouldBe(3);
        clicks.GetProperty("partitions").GetArrayLength().ShouldBe(2);
    }

    [Fact]
    public async Task A_disabled_broker_does_not_listen_and_its_endpoints_answer_404()
    {
        await using var app = await StartAsync(new() { ["Governance:Broker:Enabled"] = "false" });
        using var http = new HttpClient { BaseAddress = new Uri(Address(app)) };

        app.Services.GetService<BrokerServer>().ShouldBeNull();
        (await http.GetAsync("/v1/broker/topics", Token)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public void A_wrong_setting_is_named_in_the_error()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Governance:Broker:DefaultPartitions"] = "many" });

        Should.Throw<InvalidOperationException>(() => builder.Services.AddGovernanceBroker(builder.Configuration))
            .Message.ShouldContain("Governance:Broker:DefaultPartitions");
    }

    private static async Task<WebApplication> StartAsync(Dictionary<string, string?> settings)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Services.AddGovernanceBroker(builder.Configuration);
        var app = builder.Build();
        app.MapBrokerApi();
        await app.StartAsync(Token);
        return app;
    }

    private static string Address(WebApplication app) =>
        app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
}
