using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Portcullis.Gateway.Tests.Streaming;

/// <summary>A real upstream on 127.0.0.1 that streams: <c>GET /events/...</c> sends one server-sent event, then waits
/// for <see cref="ReleaseSecondEvent"/> before the second; <c>POST /upload/...</c> signals
/// <see cref="FirstChunkReceived"/> as soon as the first bytes of the body arrive, then echoes the whole body.</summary>
internal sealed class StreamingUpstream : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly TaskCompletionSource releaseSecondEvent = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource<string> firstChunkReceived = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private StreamingUpstream(WebApplication app) => this.app = app;

    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>Completes with the first bytes of an upload's body as soon as the upstream has read them.</summary>
    public Task<string> FirstChunkReceived => firstChunkReceived.Task;

    /// <summary>Lets the event stream send its second event.</summary>
    public void ReleaseSecondEvent() => releaseSecondEvent.TrySetResult();

    public static async Task<StreamingUpstream> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var upstream = new StreamingUpstream(app);
        app.MapGet("/events/{id}", upstream.EventsAsync);
        app.MapPost("/upload/{id}", upstream.UploadAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        upstream.BaseAddress = new Uri(address.TrimEnd('/') + "/");
        return upstream;
    }

    private async Task EventsAsync(HttpContext context)
    {
        context.Response.ContentType = "text/event-stream";
        context.Response.Headers.CacheControl = "no-cache";
        await context.Response.WriteAsync("data: first\n\n", context.RequestAborted);
        await context.Response.Body.FlushAsync(context.RequestAborted);
        await releaseSecondEvent.Task.WaitAsync(context.RequestAborted);
        await context.Response.WriteAsync("data: second\n\n", context.RequestAborted);
    }

    private async Task UploadAsync(HttpContext context)
    {
        var body = new StringBuilder();
        var buffer = new byte[4096];
        int read;
        while ((read = await context.Request.Body.ReadAsync(buffer, context.RequestAborted)) > 0)
        {
            body.Append(Encoding.UTF8.GetString(buffer, 0, read));
            firstChunkReceived.TrySetResult(body.ToString());
        }
        context.Response.ContentType = "text/plain";
        await context.Response.WriteAsync(body.ToString(), context.RequestAborted);
    }

    public async ValueTask DisposeAsync()
    {
        releaseSecondEvent.TrySetResult();
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
