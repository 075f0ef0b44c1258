using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;
using Governance.Broker.Hosting;
using Governance.Broker.Validation;
using Governance.EndToEnd.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using Xunit;

namespace Governance.EndToEnd.Tests;

/// <summary>
/// The server as its Program composes it: registry API and broker core in one process, the broker validating
/// produced records against the registry in-process.
/// </summary>
public sealed class ServerCompositionTests : FreshServer
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_broker_listens_beside_the_registry_api()
    {
        var broker = Server.Services.GetRequiredService<BrokerServer>();
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(broker.LocalEndPoint, Token);
        tcp.Connected.ShouldBeTrue();

        using var http = Server.CreateClient();
        using var topics = JsonDocument.Parse(await http.GetStringAsync("/v1/broker/topics", Token));
        topics.RootElement.ValueKind.ShouldBe(JsonValueKind.Array);
    }

    [Fact]
    public async Task The_brokers_schema_lookup_sees_what_the_registry_api_registered()
    {
        using var http = Server.CreateClient();
        var schema = """{"type":"record","name":"Order","fields":[{"name":"id","type":"long"}]}""";
        using var response = await http.PostAsJsonAsync("/subjects/orders-value/versions", new { schema }, Token);
        response.EnsureSuccessStatusCode();
        var id = (await response.Content.ReadFromJsonAsync<JsonElement>(Token)).GetProperty("id").GetInt32();

        var lookup = Server.Services.GetRequiredService<ISchemaRegistryLookup>();
        (await lookup.IsRegisteredAsync("orders-value", id, Token)).ShouldBeTrue();
        (await lookup.IsRegisteredAsync("orders-key", id, Token)).ShouldBeFalse();
        (await lookup.IsRegisteredAsync("orders-value", id + 1000, Token)).ShouldBeFalse();

        (await http.DeleteAsync("/subjects/orders-value/versions/1", Token)).EnsureSuccessStatusCode();
        (await lookup.IsRegisteredAsync("orders-value", id, Token)).ShouldBeFalse();
    }
}
