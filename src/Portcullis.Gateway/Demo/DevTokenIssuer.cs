using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Portcullis.Gateway.Demo;

/// <summary>A development OpenID provider on 127.0.0.1 for the demo and tests: an RSA key made at start, the discovery
/// document, the JWKS, and <c>POST /token</c> (form field <c>user</c>) minting RS256 access tokens (<c>typ</c>
/// <c>at+jwt</c>, RFC 9068) for the configured users. It authenticates nobody: never expose it.</summary>
/// <remarks>Endpoints: <c>GET /.well-known/openid-configuration</c> (OpenID Connect Discovery 1.0), <c>GET /jwks</c>
/// (RFC 7517), <c>POST /token</c> answering as RFC 6749 section 5 (<c>access_token</c>, <c>token_type</c>,
/// <c>expires_in</c>; errors <c>400 {"error": "invalid_request"}</c>).</remarks>
public sealed class DevTokenIssuer : IAsyncDisposable
{
    /// <summary>The JOSE <c>typ</c> of the tokens (RFC 9068).</summary>
    public const string TokenType = "at+jwt";

    private readonly WebApplication _app;
    private readonly DevSigningKey _key = new();
    private readonly DevTokenIssuerOptions _options;

    private DevTokenIssuer(WebApplication app, DevTokenIssuerOptions options)
    {
        _app = app;
        _options = options;
    }

    /// <summary>Gets the base address, e.g. <c>http://127.0.0.1:41234/</c>.</summary>
    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>Gets the issuer identifier (<c>iss</c>): the base address without its trailing slash.</summary>
    public string Issuer => BaseAddress.AbsoluteUri.TrimEnd('/');

    /// <summary>Gets the discovery document's address.</summary>
    public Uri DiscoveryUri => new(BaseAddress, ".well-known/openid-configuration");

    /// <summary>Gets the JWKS address.</summary>
    public Uri JwksUri => new(BaseAddress, "jwks");

    /// <summary>Gets the token endpoint's address.</summary>
    public Uri TokenEndpoint => new(BaseAddress, "token");

    /// <summary>Gets the audience of the tokens.</summary>
    public string Audience => _options.Audience;

    /// <summary>Gets the other audiences a token may be asked for (RFC 8707 <c>resource</c>).</summary>
    public IReadOnlyList<string> Resources => _options.Resources;

    /// <summary>Gets how long a minted token is valid.</summary>
    public TimeSpan TokenLifetime => _options.Lifetime;

    /// <summary>Gets the names of the users tokens can be minted for, in file order.</summary>
    public IReadOnlyCollection<string> UserNames => [.. _options.Users.Keys];

    /// <summary>Starts the issuer on an OS-chosen loopback port.</summary>
    public static async Task<DevTokenIssuer> StartAsync(DevTokenIssuerOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var app = LoopbackServer.CreateBuilder().Build();
        var issuer = new DevTokenIssuer(app, options);
        app.MapGet("/.well-known/openid-configuration", issuer.Discovery);
        app.MapGet("/jwks", issuer.Jwks);
        app.MapPost("/token", issuer.TokenAsync);
        try
        {
            issuer.BaseAddress = await LoopbackServer.StartAsync(app, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await issuer.DisposeAsync().ConfigureAwait(false);
            throw;
        }
        return issuer;
    }

    /// <summary>Returns a signed access token for <paramref name="user"/> with the default <see cref="Audience"/>, valid
    /// for the configured lifetime from now.</summary>
    /// <exception cref="ArgumentException">The user is not configured.</exception>
    public string MintToken(string user) => MintToken(user, resource: null);

    /// <summary>Returns a signed access token for <paramref name="user"/>, valid for the configured lifetime from now,
    /// whose <c>aud</c> is <paramref name="resource"/> (one of <see cref="Resources"/>), or <see cref="Audience"/> when null.</summary>
    /// <exception cref="ArgumentException">The user or the resource is not configured.</exception>
    public string MintToken(string user, string? resource)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (!_options.Users.TryGetValue(user, out var claims))
            throw new ArgumentException($"unknown user (known: {string.Join(", ", UserNames)})", nameof(user));
        if (resource is not null && !IsKnownResource(resource))
            throw new ArgumentException($"unknown resource (known: {string.Join(", ", Resources)})", nameof(resource));
        var now = _options.TimeProvider.GetUtcNow().ToUnixTimeSeconds();
        var payload = (JsonObject)claims.DeepClone();
        payload["iss"] = Issuer;
        payload["aud"] = resource ?? _options.Audience;
        payload["client_id"] = _options.ClientId;
        payload["iat"] = now;
        payload["nbf"] = now;
        payload["exp"] = now + (long)_options.Lifetime.TotalSeconds;
        payload["jti"] = Guid.NewGuid().ToString("N");
        return _key.Sign(payload, TokenType);
    }

    private IResult Discovery() => Json(new JsonObject
    {
        ["issuer"] = Issuer,
        ["jwks_uri"] = JwksUri.AbsoluteUri,
        ["token_endpoint"] = TokenEndpoint.AbsoluteUri,
        ["id_token_signing_alg_values_supported"] = new JsonArray("RS256"),
        ["subject_types_supported"] = new JsonArray("public"),
        ["response_types_supported"] = new JsonArray(),
    });

    private IResult Jwks() => Json(new JsonObject { ["keys"] = new JsonArray(_key.PublicJwk.DeepClone()) });

    private async Task<IResult> TokenAsync(HttpRequest request)
    {
        if (!request.HasFormContentType)
            return TokenError("send the user as a form field: -d user=NAME");
        IFormCollection form;
        try
        {
            form = await request.ReadFormAsync(request.HttpContext.RequestAborted).ConfigureAwait(false);
        }
        catch (InvalidDataException)
        {
            return TokenError("the form could not be read");
        }
        var user = form["user"].ToString();
        if (user.Length == 0 || !_options.Users.ContainsKey(user))
            return TokenError($"unknown or missing user (known: {string.Join(", ", UserNames)})");
        var resources = form["resource"];
        if (resources.Count > 1 || (resources.Count == 1 && !IsKnownResource(resources[0]!)))
            return TokenError($"resource must be one of: {string.Join(", ", Resources)} (or left out for {Audience})", "invalid_target");
        request.HttpContext.Response.Headers.CacheControl = "no-store";
        return Json(new JsonObject
        {
            ["access_token"] = MintToken(user, resources.Count == 1 ? resources[0] : null),
            ["token_type"] = "Bearer",
            ["expires_in"] = (long)_options.Lifetime.TotalSeconds,
        });
    }

    private bool IsKnownResource(string resource) => _options.Resources.Contains(resource, StringComparer.Ordinal);

    private static IResult TokenError(string description, string error = "invalid_request") => Results.Text(
        new JsonObject { ["error"] = error, ["error_description"] = description }.ToJsonString(),
        "application/json",
        statusCode: StatusCodes.Status400BadRequest);

    private static IResult Json(JsonObject body) => Results.Text(body.ToJsonString(), "application/json");

    /// <summary>Stops the issuer and forgets its key.</summary>
    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
        _key.Dispose();
    }
}
