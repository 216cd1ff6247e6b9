using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Portcullis.AuthZen.Server;

namespace Portcullis.AuthZen.Tests.Server;

/// <summary>Runs the AuthZEN endpoints over an <see cref="OwnerPdp"/> on a real Kestrel port on loopback.</summary>
public sealed class AuthZenServerFixture : IAsyncLifetime
{
    private WebApplication? _app;

    internal OwnerPdp Pdp { get; } = new();

    internal CapturingLoggerProvider Logs { get; } = new();

    public HttpClient Client { get; private set; } = null!;

    public Uri BaseAddress { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.Logging.AddProvider(Logs);
        builder.Logging.SetMinimumLevel(LogLevel.Debug);
        builder.Services.AddSingleton<IAuthZenPdp>(Pdp);
        builder.Services.AddAuthZenServer(o => o.DefaultPageSize = 3);
        _app = builder.Build();
        _app.Urls.Add("http://127.0.0.1:0");
        _app.MapAuthZen();
        await _app.StartAsync();
        var address = _app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        BaseAddress = new Uri(address);
        Client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
    }

    public async Task DisposeAsync()
    {
        Client.Dispose();
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
    }

    public Task<Reply> PostAsync(string path, string body, string? contentType = "application/json", string? requestId = null) =>
        SendAsync(path, new ByteArrayContent(Encoding.UTF8.GetBytes(body)), contentType, requestId);

    public async Task<Reply> SendAsync(string path, HttpContent content, string? contentType = "application/json", string? requestId = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = content };
        if (contentType is not null)
        {
            content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        }

        if (requestId is not null)
        {
            request.Headers.Add("X-Request-ID", requestId);
        }

        using var response = await Client.SendAsync(request);
        return await Reply.ReadAsync(response);
    }

    public async Task<Reply> GetAsync(string path, string? requestId = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (requestId is not null)
        {
            request.Headers.Add("X-Request-ID", requestId);
        }

        using var response = await Client.SendAsync(request);
        return await Reply.ReadAsync(response);
    }
}

/// <summary>What a caller sees of a response: status, JSON body (text), content type and request id.</summary>
public sealed record Reply(int Status, string Body, string? ContentType, string? RequestId)
{
    public JsonElement Json => JsonDocument.Parse(Body).RootElement;

    public string? ErrorMessage => Json.TryGetProperty("error", out var e) ? e.GetProperty("message").GetString() : null;

    public static async Task<Reply> ReadAsync(HttpResponseMessage response) => new(
        (int)response.StatusCode,
        await response.Content.ReadAsStringAsync(),
        response.Content.Headers.ContentType?.MediaType,
        response.Headers.TryGetValues("X-Request-ID", out var ids) ? string.Join(",", ids) : null);
}

[CollectionDefinition(Name)]
public sealed class AuthZenServerCollection : ICollectionFixture<AuthZenServerFixture>
{
    public const string Name = "AuthZEN server";
}
