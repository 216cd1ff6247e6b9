using System.Text.Json.Nodes;

namespace Portcullis.Gateway.Demo;

/// <summary>What the development token issuer signs: for whom, for which audience and for how long.</summary>
public sealed class DevTokenIssuerOptions
{
    /// <summary>Gets the users by name, each with the claims put into their tokens (e.g. <c>sub</c>, <c>roles</c>,
    /// <c>tenant</c>, <c>acr</c>, <c>amr</c>). Required; see <see cref="DemoUsers.Parse"/>.</summary>
    public required IReadOnlyDictionary<string, JsonObject> Users { get; init; }

    /// <summary>Gets the audience (<c>aud</c>) of every token. Defaults to <c>demo-api</c>.</summary>
    public string Audience { get; init; } = "demo-api";

    /// <summary>Gets the other audiences a token may be asked for with the RFC 8707 <c>resource</c> parameter (e.g. an MCP
    /// server's resource identifier); a token asked for one of them carries it, alone, as its <c>aud</c>. Defaults to none.</summary>
    public IReadOnlyList<string> Resources { get; init; } = [];

    /// <summary>Gets the OAuth client (<c>client_id</c>) named in every token. Defaults to <c>portcullis-demo</c>.</summary>
    public string ClientId { get; init; } = "portcullis-demo";

    /// <summary>Gets how long a token is valid. Defaults to one hour.</summary>
    public TimeSpan Lifetime { get; init; } = TimeSpan.FromHours(1);

    /// <summary>Gets the clock used for <c>iat</c>, <c>nbf</c> and <c>exp</c>. Defaults to <see cref="TimeProvider.System"/>.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;
}
