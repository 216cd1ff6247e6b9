using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Portcullis.Gateway.Configuration;
using Portcullis.Gateway.Pipeline;

namespace Portcullis.Gateway.Tests.Pipeline;

/// <summary>Starts a real gateway on 127.0.0.1 for a configuration read from YAML, as <c>portcullis serve</c> does.</summary>
internal static class GatewayHost
{
    /// <summary>Loads <paramref name="yaml"/> (relative folders under <paramref name="baseDirectory"/>), starts the
    /// gateway and returns it with a client for its address; <paramref name="configure"/> adds services and middleware
    /// placed before the gateway; <paramref name="logs"/> receives the gateway's logs.</summary>
    public static async Task<(WebApplication App, HttpClient Client)> StartAsync(string yaml, string baseDirectory,
        Action<IServiceCollection>? services = null, Action<WebApplication>? before = null, ILoggerProvider? logs = null)
    {
        var loaded = GatewayConfigLoader.LoadYaml(yaml, baseDirectory);
        Assert.True(loaded.Succeeded, string.Join("\n", loaded.Problems));
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        if (logs is not null) builder.Logging.AddProvider(logs);
        services?.Invoke(builder.Services);
        builder.Services.AddGateway(loaded.Config!);
        var app = builder.Build();
        before?.Invoke(app);
        app.MapGateway();
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return (app, new HttpClient { BaseAddress = new Uri(address), Timeout = TimeSpan.FromSeconds(30) });
    }
}
