using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Governance.TestSupport;

/// <summary>
/// The server host started in this process over real HTTP: Kestrel on 127.0.0.1 with a free port (not TestServer),
/// on the storage a test chooses. <typeparamref name="TEntryPoint"/> is the server's <c>Program</c>.
/// </summary>
public sealed class InProcessServer<TEntryPoint> : IAsyncDisposable
    where TEntryPoint : class
{
    private readonly WebApplicationFactory<TEntryPoint> _factory;

    private InProcessServer(WebApplicationFactory<TEntryPoint> factory)
    {
        _factory = factory;
        BaseAddress = factory.ClientOptions.BaseAddress;
    }

    /// <summary>Where the server listens, e.g. <c>http://127.0.0.1:40123/</c>.</summary>
    public Uri BaseAddress { get; }

    public IServiceProvider Services => _factory.Services;

    /// <param name="storage">Which database the server uses.</param>
    /// <param name="settings">More configuration, e.g. <c>Governance:Api:MaxRequestBodyBytes</c>.</param>
    public static InProcessServer<TEntryPoint> Start(ServerStorage storage, IReadOnlyDictionary<string, string?>? settings = null)
    {
        ArgumentNullException.ThrowIfNull(storage);
        var factory = new WebApplicationFactory<TEntryPoint>().WithWebHostBuilder(host =>
        {
            foreach (var (key, value) in IsolatedBroker.Settings().Concat(storage.Settings).Concat(settings ?? new Dictionary<string, string?>()))
            {
                host.UseSetting(key, value);
            }
        });
        factory.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        factory.StartServer();
        return new InProcessServer<TEntryPoint>(factory);
    }

    /// <summary>A real HTTP client for this server, with no default headers.</summary>
    public HttpClient CreateClient() => new() { BaseAddress = BaseAddress };

    public ValueTask DisposeAsync() => _factory.DisposeAsync();
}
