using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Portcullis.TestSupport;

/// <summary>A Kestrel server on a loopback port that answers every request with whatever <see cref="Handler"/> says,
/// and records what it received: misbehaving PDPs for the AuthZEN client's and the gateway's failure tests.</summary>
public sealed class ScriptedPdpServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private ScriptedPdpServer(WebApplication app, Uri baseAddress)
    {
        _app = app;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    /// <summary>Gets or sets the answer to every request. Defaults to a permit on any POST and 404 otherwise.</summary>
    public Func<HttpContext, Task> Handler { get; set; } = DefaultAsync;

    /// <summary>Gets every request received, in order: method, path and X-Request-ID.</summary>
    public ConcurrentQueue<(string Method, string Path, string? RequestId)> Received { get; } = new();

    public int Count(string method, string path) => Received.Count(r => r.Method == method && r.Path == path);

    public static async Task<ScriptedPdpServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        var app = builder.Build();
        app.Urls.Add("http://127.0.0.1:0");
        ScriptedPdpServer? server = null;
        app.Run(context =>
        {
            server!.Received.Enqueue((context.Request.Method, context.Request.Path.Value ?? "", context.Request.Headers["X-Request-ID"].FirstOrDefault()));
            return server.Handler(context);
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        server = new ScriptedPdpServer(app, new Uri(address.TrimEnd('/') + "/"));
        return server;
    }

    public static Func<HttpContext, Task> Json(string body, int status = 200) => context =>
    {
        if (context.Request.Method == "GET")
        {
            context.Response.StatusCode = 404;
            return Task.CompletedTask;
        }
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        return context.Response.WriteAsync(body);
    };

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private static Task DefaultAsync(HttpContext context) => Json("""{"decision":true}""")(context);
}
