using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.JsonWebTokens;

namespace Portcullis.TestSupport;

/// <summary>A real HTTP token issuer on 127.0.0.1: serves a JWKS and an OpenID Connect discovery document, counts key fetches.</summary>
public sealed class TestIssuerServer : IAsyncDisposable
{
    private readonly WebApplication app;
    private volatile TestKey[] published;
    private int jwksRequests;

    private TestIssuerServer(WebApplication app, TestKey[] keys)
    {
        this.app = app;
        published = keys;
    }

    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>Gets the issuer identifier (the base address without the trailing slash).</summary>
    public string Issuer => BaseAddress.AbsoluteUri.TrimEnd('/');

    public Uri JwksUri => new(BaseAddress, "jwks");

    public Uri DiscoveryUri => new(BaseAddress, ".well-known/openid-configuration");

    /// <summary>Gets how many times the JWKS was served.</summary>
    public int JwksRequests => Volatile.Read(ref jwksRequests);

    /// <summary>Gets or sets a value indicating whether every endpoint answers 503.</summary>
    public bool Unavailable { get; set; }

    /// <summary>Gets or sets the issuer the discovery document claims (defaults to the real one).</summary>
    public string? DiscoveryIssuer { get; set; }

    public void Publish(params TestKey[] keys) => published = keys;

    /// <summary>Signs a token of this issuer for <paramref name="audience"/> with <paramref name="key"/>, valid for five
    /// minutes, whose payload also holds <paramref name="claimsJson"/> (a JSON object; nested objects and arrays stay as
    /// written, e.g. Keycloak's <c>realm_access.roles</c>).</summary>
    public string Issue(TestKey key, string audience, string claimsJson)
    {
        ArgumentNullException.ThrowIfNull(key);
        var payload = JsonNode.Parse(claimsJson)?.AsObject() ?? throw new ArgumentException("claims must be a JSON object", nameof(claimsJson));
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        payload["iss"] = Issuer;
        payload["aud"] = audience;
        payload["iat"] = now;
        payload["nbf"] = now;
        payload["exp"] = now + 300;
        return new JsonWebTokenHandler().CreateToken(payload.ToJsonString(), key.Credentials());
    }

    /// <summary>Signs a token from this issuer for <paramref name="subject"/> and <paramref name="audience"/>, valid for five minutes.</summary>
    public string Token(string subject, string audience, TestKey key) => new Microsoft.IdentityModel.JsonWebTokens.JsonWebTokenHandler().CreateToken(
        new Microsoft.IdentityModel.Tokens.SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = audience,
            Expires = DateTime.UtcNow.AddMinutes(5),
            SigningCredentials = key.Credentials(),
            Claims = new Dictionary<string, object> { ["sub"] = subject },
        });

    public static async Task<TestIssuerServer> StartAsync(params TestKey[] keys)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var server = new TestIssuerServer(app, keys);
        app.MapGet("/jwks", server.ServeJwks);
        app.MapGet("/.well-known/openid-configuration", server.ServeDiscovery);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server.BaseAddress = new Uri(address.TrimEnd('/') + "/");
        return server;
    }

    private IResult ServeJwks()
    {
        if (Unavailable)
            return Results.StatusCode(StatusCodes.Status503ServiceUnavailable);
        Interlocked.Increment(ref jwksRequests);
        var keys = new JsonArray([.. published.Select(k => (JsonNode)k.PublicJwk.DeepClone())]);
        return Results.Text(new JsonObject { ["keys"] = keys }.ToJsonString(), "application/json");
    }

    private IResult ServeDiscovery()
    {
        if (Unavailable)
            return Results.StatusCode(StatusCodes.Status503ServiceUnavailable);
        var document = new JsonObject { ["issuer"] = DiscoveryIssuer ?? Issuer, ["jwks_uri"] = JwksUri.AbsoluteUri };
        return Results.Text(document.ToJsonString(), "application/json");
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
