using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Portcullis.AuthZen.Server;
using Portcullis.Pdp.Service;

namespace Portcullis.Gateway.Tests.Pipeline;

/// <summary>A real AuthZEN PDP over HTTP on 127.0.0.1 (the embedded PDP behind the AuthZEN endpoints, as
/// <c>portcullis pdp</c> serves it) that counts the evaluations it receives and can be told to fail the next ones
/// with 500, as a crashing PDP would.</summary>
internal sealed class RemotePdpServer : IAsyncDisposable
{
    private readonly WebApplication app;
    private int evaluations;
    private int failNext;

    private RemotePdpServer(WebApplication app) => this.app = app;

    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>Gets how many evaluation requests reached the PDP (failed ones included).</summary>
    public int Evaluations => Volatile.Read(ref evaluations);

    /// <summary>Makes the next <paramref name="count"/> evaluations answer 500.</summary>
    public void FailNext(int count) => Volatile.Write(ref failNext, count);

    public static async Task<RemotePdpServer> StartAsync(string policiesFolder)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Services.AddEmbeddedPdp(options => options.PoliciesPath = policiesFolder);
        builder.Services.AddAuthZenServer();
        var app = builder.Build();
        var server = new RemotePdpServer(app);
        app.Use(server.CountAsync);
        app.MapAuthZen();
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server.BaseAddress = new Uri(address.TrimEnd('/') + "/");
        return server;
    }

    private Task CountAsync(HttpContext context, RequestDelegate next)
    {
        if (!HttpMethods.IsPost(context.Request.Method) || context.Request.Path != AuthZenPaths.Evaluation) return next(context);
        Interlocked.Increment(ref evaluations);
        if (Interlocked.Decrement(ref failNext) >= 0)
        {
            context.Response.StatusCode = StatusCodes.Status500InternalServerError;
            return Task.CompletedTask;
        }
        Interlocked.Exchange(ref failNext, 0);
        return next(context);
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
