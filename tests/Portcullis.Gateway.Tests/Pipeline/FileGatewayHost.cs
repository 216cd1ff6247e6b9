using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Portcullis.Gateway.Configuration;
using Portcullis.Gateway.Pipeline;

namespace Portcullis.Gateway.Tests.Pipeline;

/// <summary>A real gateway on 127.0.0.1 started from a configuration file (so it watches the file), with its logs captured.</summary>
internal sealed class FileGatewayHost : IAsyncDisposable
{
    private readonly WebApplication app;

    private FileGatewayHost(WebApplication app, CapturingLoggerProvider logs, IReadOnlyList<Uri> addresses)
    {
        this.app = app;
        Logs = logs;
        Addresses = addresses;
    }

    public CapturingLoggerProvider Logs { get; }

    /// <summary>Gets the first address listened on.</summary>
    public Uri Address => Addresses[0];

    /// <summary>Gets every address listened on, in the order given.</summary>
    public IReadOnlyList<Uri> Addresses { get; }

    /// <summary>Loads <paramref name="configFile"/> (it must be valid) and starts the gateway on a free loopback port.</summary>
    public static async Task<FileGatewayHost> StartAsync(string configFile, Action<WebApplicationBuilder>? configure = null)
    {
        var loaded = GatewayConfigLoader.LoadFile(configFile);
        Assert.True(loaded.Succeeded, string.Join("\n", loaded.Problems));
        var logs = new CapturingLoggerProvider();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Logging.AddProvider(logs);
        builder.Logging.SetMinimumLevel(LogLevel.Information);
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        configure?.Invoke(builder);
        builder.Services.AddGateway(loaded.Config!);
        var app = builder.Build();
        app.MapGateway();
        await app.StartAsync();
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        return new FileGatewayHost(app, logs, [.. addresses.Select(a => new Uri(a.TrimEnd('/') + "/"))]);
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
