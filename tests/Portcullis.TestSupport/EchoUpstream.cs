using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Portcullis.TestSupport;

/// <summary>A real upstream API on 127.0.0.1 that records every request it receives and echoes its method and path;
/// it names itself in an <c>X-Upstream</c> response header.</summary>
public sealed class EchoUpstream : IAsyncDisposable
{
    private readonly WebApplication app;

    /// <summary>The response header carrying the upstream's name.</summary>
    public const string NameHeader = "X-Upstream";

    private readonly string name;

    private EchoUpstream(WebApplication app, string name)
    {
        this.app = app;
        this.name = name;
    }

    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>Gets every request received, in order.</summary>
    public ConcurrentQueue<ReceivedRequest> Received { get; } = new();

    /// <summary>Starts the upstream; with <paramref name="http2Only"/> it speaks only HTTP/2 (h2c, prior knowledge).</summary>
    public static async Task<EchoUpstream> StartAsync(string name = "echo", bool http2Only = false)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        if (http2Only) builder.WebHost.ConfigureKestrel(k => k.ConfigureEndpointDefaults(l => l.Protocols = HttpProtocols.Http2));
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var upstream = new EchoUpstream(app, name);
        app.Run(upstream.EchoAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        upstream.BaseAddress = new Uri(address.TrimEnd('/') + "/");
        return upstream;
    }

    private async Task EchoAsync(HttpContext context)
    {
        var headers = context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
        var rawTarget = context.Features.Get<IHttpRequestFeature>()?.RawTarget ?? "";
        Received.Enqueue(new ReceivedRequest(context.Request.Method, context.Request.Path.Value ?? "", headers, context.Request.Protocol, rawTarget));
        context.Response.ContentType = "text/plain";
        context.Response.Headers[NameHeader] = name;
        await context.Response.WriteAsync($"{context.Request.Method} {context.Request.Path}");
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
