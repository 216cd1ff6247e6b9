using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Portcullis.Gateway.Demo;

/// <summary>The small web hosts of the demo (token issuer, documents API, <see cref="LoopbackApp"/>): 127.0.0.1 on a port the OS picks, logs at
/// Warning so the demo's banner stays readable.</summary>
internal static class LoopbackServer
{
    /// <summary>Creates a slim web host bound to <c>http://127.0.0.1:0</c>.</summary>
    public static WebApplicationBuilder CreateBuilder()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        return builder;
    }

    /// <summary>Starts <paramref name="app"/> and returns its base address with a trailing slash.</summary>
    public static async Task<Uri> StartAsync(WebApplication app, CancellationToken cancellationToken)
    {
        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault()
            ?? throw new InvalidOperationException("The server did not report the address it listens on.");
        return new Uri(address.TrimEnd('/') + "/");
    }
}
