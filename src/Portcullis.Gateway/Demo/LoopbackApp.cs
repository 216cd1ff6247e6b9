using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Portcullis.Gateway.Demo;

/// <summary>A web application the demo composes from services and endpoints defined elsewhere (such as the Expense
/// Management MCP server), on 127.0.0.1 with an OS-chosen port, logging warnings only.</summary>
public sealed class LoopbackApp : IAsyncDisposable
{
    private readonly WebApplication _app;

    private LoopbackApp(WebApplication app) => _app = app;

    /// <summary>Gets the base address, e.g. <c>http://127.0.0.1:41236/</c>.</summary>
    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>Registers <paramref name="services"/>, maps <paramref name="endpoints"/> and starts listening.</summary>
    public static async Task<LoopbackApp> StartAsync(
        Action<IServiceCollection> services,
        Action<IEndpointRouteBuilder> endpoints,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(endpoints);
        var builder = LoopbackServer.CreateBuilder();
        services(builder.Services);
        var loopback = new LoopbackApp(builder.Build());
        try
        {
            endpoints(loopback._app);
            loopback.BaseAddress = await LoopbackServer.StartAsync(loopback._app, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await loopback.DisposeAsync().ConfigureAwait(false);
            throw;
        }
        return loopback;
    }

    /// <summary>Stops the application.</summary>
    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }
}
